"""The playground's loop is the article's loop: a plain PyTorch version gives the same losses."""

import torch
import torch.nn as nn
import torch.optim as optim

from playground.core.datasets import make_dataset
from playground.core.presets import get_preset
from playground.core.training import Trainer


class Net(nn.Module):  # as in the article
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(10, 5)
        self.fc2 = nn.Linear(5, 2)

    def forward(self, x):
        x = torch.relu(self.fc1(x))
        x = self.fc2(x)
        return x


def test_seed_example_matches_a_plain_pytorch_loop_step_for_step():
    config = get_preset("seed-example").config.replace(epochs=5)
    assert (config.hidden, config.activation, config.optimizer, config.learning_rate) == ((5,), "relu", "sgd", 0.01)
    trainer = Trainer(config)
    trainer.run()

    data = make_dataset(config)
    x, y = torch.tensor(data.x_train), torch.tensor(data.y_train)
    torch.manual_seed(config.seed)
    net = Net()
    criterion = nn.CrossEntropyLoss()
    optimizer = optim.SGD(net.parameters(), lr=0.01)
    order = torch.Generator().manual_seed(config.seed)
    losses = []
    for _epoch in range(5):
        for idx in torch.randperm(len(x), generator=order).split(config.batch_size):
            output = net(x[idx])
            loss = criterion(output, y[idx])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            losses.append(loss.item())

    assert len(losses) == len(trainer.step_losses) == 5 * 10
    assert losses == trainer.step_losses
    for name, p in net.named_parameters():
        assert torch.equal(p, trainer.model.get_parameter(name))
