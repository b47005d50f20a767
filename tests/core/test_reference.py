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


class DynamicNet(nn.Module):
    """The classic PyTorch example: a middle layer reused a random number of times on each pass,
    and dropout, written by hand with the network's own generator."""

    def __init__(self, seed: int, rate: float):
        super().__init__()
        self.fc1 = nn.Linear(2, 6)
        self.fc2 = nn.Linear(6, 6)  # the middle layer
        self.fc3 = nn.Linear(6, 2)
        self.rate = rate
        self.rng = torch.Generator().manual_seed(seed)

    def forward(self, x):
        x = torch.tanh(self.fc1(x))
        x = x * ((torch.rand(x.shape, generator=self.rng) >= self.rate).float() / (1.0 - self.rate))
        for _ in range(int(torch.randint(0, 4, (1,), generator=self.rng))):
            x = torch.tanh(self.fc2(x))
        return self.fc3(x)


def test_the_dynamic_model_with_dropout_matches_a_hand_written_loop_step_for_step():
    config = get_preset("moons").config.replace(model="dynamic", hidden=(6,), dropout=0.25, epochs=2, samples=100)
    trainer = Trainer(config)
    trainer.run()

    data = make_dataset(config)
    x, y = torch.tensor(data.x_train), torch.tensor(data.y_train)
    torch.manual_seed(config.seed)
    net = DynamicNet(config.seed, 0.25)
    criterion = nn.CrossEntropyLoss()
    optimizer = optim.SGD(net.parameters(), lr=config.learning_rate)
    order = torch.Generator().manual_seed(config.seed)
    losses = []
    for _epoch in range(2):
        for idx in torch.randperm(len(x), generator=order).split(config.batch_size):
            loss = criterion(net(x[idx]), y[idx])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            losses.append(loss.item())

    assert len(losses) == len(trainer.step_losses) == 2 * 5
    assert losses == trainer.step_losses
    for name, p in net.named_parameters():
        assert torch.equal(p, trainer.model.get_parameter(name))
