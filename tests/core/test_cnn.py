"""The CNN family: pictures in, conv layers with pooling, a linear head; its config checks."""

import pytest
import torch

from playground.core.cnn import CNN, conv_plan
from playground.core.config import ConfigError, TrainConfig, parameter_count
from playground.core.datasets import make_dataset
from playground.core.training import Trainer


def test_the_plan_pools_while_the_picture_is_at_least_4_across():
    assert conv_plan((8, 8), (8, 16)) == [(4, 4, True), (2, 2, True)]
    assert conv_plan((8, 8), (4, 4, 4)) == [(4, 4, True), (2, 2, True), (2, 2, False)]
    assert conv_plan((16, 16), (8, 16)) == [(8, 8, True), (4, 4, True)]


def test_the_network_reads_rows_of_pixels_and_names_its_layers():
    torch.manual_seed(0)
    net = CNN((8, 8), (8, 16), 3, (32,), 10)
    assert [n for n, _ in net.named_parameters()] == ["conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias",
                                                      "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"]
    assert net(torch.zeros(5, 64)).shape == (5, 10)
    assert [m.shape for m in net.feature_maps(torch.zeros(2, 64))] == [(2, 8, 8, 8), (2, 16, 4, 4)]
    assert net.sizes == [64, 32, 10]


@pytest.mark.parametrize("dataset, hidden", [("digits", ()), ("shapes", (16,))])
def test_the_parameter_count_is_counted_before_building(dataset, hidden):
    config = TrainConfig(dataset=dataset, model="cnn", hidden=hidden, samples=60)
    trainer = Trainer(config)
    assert parameter_count(config) == sum(p.numel() for p in trainer.model.parameters())


def test_shapes_are_pictures_of_three_kinds_from_the_seed():
    d = make_dataset(TrainConfig(dataset="shapes", samples=90))
    assert d.x_train.shape[1] == 256 and d.n_classes == 3
    again = make_dataset(TrainConfig(dataset="shapes", samples=90))
    assert (d.x_train == again.x_train).all()


def test_the_cnn_trains_and_its_loss_falls():
    trainer = Trainer(TrainConfig(dataset="shapes", model="cnn", hidden=(), samples=150, epochs=3,
                                  optimizer="adam", learning_rate=0.01, batch_size=16))
    first = trainer.train_step().loss
    trainer.run()
    assert trainer.history[-1].train_loss < first


def test_bad_cnn_settings_name_the_field():
    with pytest.raises(ConfigError, match=r"^model: the CNN learns from pictures; circle is not image data "
                                          r"\(use digits and shapes\)"):
        TrainConfig(model="cnn").validate()
    with pytest.raises(ConfigError, match="^channels: a layer of 0 channels; allowed 1 to 64"):
        TrainConfig(dataset="digits", model="cnn", channels=(8, 0)).validate()
    with pytest.raises(ConfigError, match="^kernel_size: 4; allowed 1, 3, 5, 7"):
        TrainConfig(dataset="digits", model="cnn", kernel_size=4).validate()
    with pytest.raises(ConfigError, match="^dropout: the CNN has no dropout here; set it to 0"):
        TrainConfig(dataset="digits", model="cnn", dropout=0.2).validate()
