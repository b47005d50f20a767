"""PhaseWalk: one mini-batch through forward, loss, zero_grad, backward and step; the network ends
exactly where one train_step puts it, an abandoned walk leaves nothing changed, and the step
phase's formula for the selected weight is the optimizer's own (1e-6)."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from playground.core.config import TrainConfig
from playground.core.iteration import PHASES, PhaseWalk
from playground.core.presets import get_preset
from playground.core.training import Trainer


def config(**kw) -> TrainConfig:
    return TrainConfig(**{"dataset": "xor", "samples": 80, "hidden": (4, 3), "batch_size": 10, "epochs": 2,
                          "learning_rate": 0.1, **kw})


def weights(t: Trainer) -> dict[str, torch.Tensor]:
    return {k: v.detach().clone() for k, v in t.model.state_dict().items()}


def same(a: dict[str, torch.Tensor], b: dict[str, torch.Tensor]) -> bool:
    return a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)


def walk(t: Trainer, selected=None) -> dict:
    w = PhaseWalk(t, selected)
    reports = {}
    while not w.done:
        r = w.advance()
        reports[r.phase] = r
    return reports


def test_the_five_phases_come_in_order_and_then_the_walk_is_done():
    t = Trainer(config())
    w = PhaseWalk(t)
    phases = []
    while not w.done:
        assert w.next_phase == PHASES[len(phases)]
        phases.append(w.advance().phase)
    assert tuple(phases) == PHASES == ("forward", "loss", "zero_grad", "backward", "step")
    with pytest.raises(RuntimeError):
        w.advance()


def test_one_walk_on_seed_example_is_a_plain_pytorch_sgd_step_on_the_first_batch():
    cfg = get_preset("seed-example").config
    assert cfg.optimizer == "sgd"
    t = Trainer(cfg)
    plain = nn.Sequential(nn.Linear(10, 5), nn.ReLU(), nn.Linear(5, 2))
    with torch.no_grad():
        for p, q in zip(t.model.parameters(), plain.parameters()):
            q.copy_(p)
    first = torch.randperm(len(t.x_train), generator=torch.Generator().manual_seed(cfg.seed))[: cfg.batch_size]
    x, y = t.x_train[first], t.y_train[first]
    optimizer = torch.optim.SGD(plain.parameters(), lr=cfg.learning_rate)
    loss = nn.CrossEntropyLoss()(plain(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

    reports = walk(t)
    assert reports["loss"].loss == loss.item() and t.step_losses == [loss.item()]
    for (name, p), q in zip(t.model.named_parameters(), plain.parameters()):
        assert torch.equal(p.detach(), q.detach()), name
    assert reports["step"].step == 1 == t.step_count


@pytest.mark.parametrize("kw", [{}, {"dropout": 0.3}, {"model": "dynamic", "dropout": (0.2, 0.1)},
                                {"optimizer": "adam", "weight_decay": 0.01}, {"dataset": "plane"}])
def test_walks_and_train_steps_mix_freely(kw):
    """Walks here and there in a run (across epoch ends): the same losses, weights and history."""
    t, reference = Trainer(config(**kw)), Trainer(config(**kw))
    for k in range(2 * t.steps_per_epoch + 1):
        if k % 3 == 1:
            walk(t)
        else:
            t.train_step()
        reference.train_step()
        assert t.step_losses == reference.step_losses
    assert same(weights(t), weights(reference)) and t.history == reference.history
    assert torch.equal(t.model.rng.get_state(), reference.model.rng.get_state())


@pytest.mark.parametrize("phases", [1, 2, 3, 4])
@pytest.mark.parametrize("kw", [{"dropout": 0.3}, {"model": "dynamic", "hidden": (4,), "dropout": 0.2}])
def test_a_walk_abandoned_midway_leaves_nothing_changed(phases, kw):
    t, reference = Trainer(config(**kw)), Trainer(config(**kw))
    t.train_step()
    reference.train_step()
    grads = {n: p.grad for n, p in t.model.named_parameters()}
    t.model.eval()
    w = PhaseWalk(t)
    for _ in range(phases):
        w.advance()
    w.abandon()
    assert w.done and not w.holds_batch and not t.model.training
    assert all(p.grad is grads[n] for n, p in t.model.named_parameters())
    assert [b.tolist() for b in t.pending_batches] == [b.tolist() for b in reference.pending_batches]
    assert torch.equal(t.model.rng.get_state(), reference.model.rng.get_state())
    for _ in range(3):
        assert t.train_step().loss == reference.train_step().loss
    assert same(weights(t), weights(reference))


def test_forward_reports_the_output_graph_its_order_and_each_nodes_first_numbers():
    t = Trainer(config(hidden=(5,), activation="relu"))
    w = PhaseWalk(t)
    r = w.advance()
    ids = {n.id for n in r.graph.nodes}
    assert set(r.order) == ids and not any(n.kind in ("loss", "target") for n in r.graph.nodes)
    assert all(e.source in ids and e.target in ids for e in r.graph.edges)
    kinds = [r.graph.by_id[nid].kind for nid in r.order]
    assert kinds[0] == "input" and kinds[1:5] == ["param"] * 4 and set(kinds[5:]) == {"op"}
    position = {nid: k for k, nid in enumerate(r.order)}
    assert all(position[e.source] < position[e.target] for e in r.graph.edges)  # data flow
    ops = [r.graph.by_id[nid].op for nid in r.order if r.graph.by_id[nid].kind == "op"]
    assert ops == ["TBackward0", "AddmmBackward0", "ReluBackward0", "TBackward0", "AddmmBackward0"]
    fc1_z, fc2_z = w.tape[0].z, w.tape[1].z
    by_op = {r.graph.by_id[nid].op + r.graph.by_id[nid].module: v for nid, v in r.node_values.items()
             if r.graph.by_id[nid].kind == "op"}
    assert by_op["AddmmBackward0fc1"] == {"shape": [10, 5], "values": fc1_z[0, :4].tolist()}
    assert by_op["AddmmBackward0fc2"] == {"shape": [10, 2], "values": fc2_z[0].tolist()}
    assert by_op["ReluBackward0act"]["values"] == torch.relu(fc1_z[0, :4]).tolist()
    assert r.node_values["input"] == {"shape": [10, 2], "values": w.x[0].tolist()}
    assert r.node_values["param:fc1.weight"] == {"shape": [5, 2], "values": t.model.fc1.weight.flatten()[:4].tolist()}
    assert r.batch_size == 10 and r.step == 0 and r.loss is None


def test_loss_reports_the_whole_graph_the_nodes_it_added_and_the_number():
    t = Trainer(config())
    seen = []
    t.on_loss = seen.append
    w = PhaseWalk(t)
    forward = w.advance()
    r = w.advance()
    assert r.phase == "loss" and len(seen) == 1 and seen[0].item() == r.loss
    assert {n.id for n in forward.graph.nodes} | set(r.order) == {n.id for n in r.graph.nodes}
    assert r.order[0] == "target" and r.order[-1] == "loss"
    assert [r.graph.by_id[nid].op for nid in r.order[1:-1]] == ["LogSoftmaxBackward0", "NllLossBackward0"]
    assert r.node_values["loss"] == {"shape": [], "values": [r.loss]}
    assert r.node_values["target"]["values"] == [float(w.y[0])]


def test_zero_grad_shows_the_last_steps_gradients_going_to_none():
    t = Trainer(config())
    first = walk(t)["zero_grad"]
    assert set(first.grad_norms) == {n for n, _ in t.model.named_parameters()}
    assert all(v is None for v in first.grad_norms.values()) and all(v is None for v in first.grads_after.values())
    norms = {n: float(p.grad.norm()) for n, p in t.model.named_parameters()}
    second = walk(t)["zero_grad"]
    assert second.grad_norms == pytest.approx(norms) and all(v is None for v in second.grads_after.values())


def test_backward_runs_from_the_loss_to_every_parameter_with_its_gradients_norm():
    t = Trainer(config(hidden=(4, 3)))
    reports = walk(t)
    r, graph = reports["backward"], reports["loss"].graph
    assert r.order[0] == "loss" and r.order[-1].startswith("param:")
    assert graph.by_id[r.order[1]].op == "NllLossBackward0"
    assert len(set(r.order)) == len(r.order) and set(r.order) <= {n.id for n in graph.nodes}
    params = {f"param:{n}" for n, _ in t.model.named_parameters()}
    assert params <= set(r.order) and set(r.order) == {n.id for n in graph.nodes if n.kind in ("op", "param")} | {"loss"}
    # the output layer's gradients arrive before the first layer's: from the loss back
    assert r.order.index("param:fc3.bias") < r.order.index("param:fc2.bias") < r.order.index("param:fc1.bias")
    assert r.grad_norms["loss"] == 1.0 and all(v >= 0 for v in r.grad_norms.values())


def test_backward_norms_are_the_gradients_autograd_computed():
    t, reference = Trainer(config()), Trainer(config())
    reports = walk(t, ("fc2.bias", (1,)))
    reference.train_step()
    for name, p in reference.model.named_parameters():
        assert reports["backward"].grad_norms[f"param:{name}"] == pytest.approx(float(p.grad.double().norm()), rel=1e-12)


@pytest.mark.parametrize("optimizer, weight_decay", [("sgd", 0.0), ("sgd", 0.01), ("sgd+momentum", 0.0),
                                                     ("sgd+momentum", 0.05), ("adam", 0.0), ("adam", 0.01)])
@pytest.mark.parametrize("selected", [None, ("fc2.weight", (1, 2)), ("fc3.bias", (0,))])
def test_the_step_phase_writes_out_the_optimizers_own_formula(optimizer, weight_decay, selected):
    t = Trainer(config(optimizer=optimizer, weight_decay=weight_decay, learning_rate=0.05))
    for k in range(3):  # the first step and later ones (momentum buffer, Adam's moments)
        before = {n: p.detach().clone() for n, p in t.model.named_parameters()}
        r = walk(t, selected)["step"]
        u = r.update
        name, index = selected or ("fc1.weight", (0, 0))
        p = dict(t.model.named_parameters())[name]
        assert (u.param, u.index, u.optimizer, u.lr, u.weight_decay) == (name, index, optimizer, 0.05, weight_decay)
        assert u.before == float(before[name][index]) and u.after == float(p.detach()[index])
        assert u.grad == float(p.grad[index])
        assert abs(u.computed - u.after) <= 1e-6, (u.formula, u.expression)
        assert dict(u.terms)["w_new"] == u.computed and u.expression.endswith(f"{u.computed:.6g}")
        assert r.changes == pytest.approx({n: float((q.detach().double() - before[n].double()).norm())
                                           for n, q in t.model.named_parameters()})
        assert r.node_values[f"param:{name}"]["values"] == p.detach().flatten()[:4].tolist()
        assert r.result is not None and not r.result.diverged and r.step == k + 1


def test_the_formulas_read_like_the_optimizers():
    sgd = walk(Trainer(config()))["step"].update
    assert sgd.formula == "w_new = w - lr * g" and [k for k, _ in sgd.terms] == ["w", "grad", "lr", "w_new"]
    t = Trainer(config(optimizer="sgd+momentum"))
    first = walk(t)["step"].update
    second = walk(t)["step"].update
    assert first.formula.startswith("v = g (the first step)")
    assert second.formula == "v = momentum * v_prev + g;  w_new = w - lr * v"
    assert dict(second.terms)["v_prev"] == pytest.approx(dict(first.terms)["v"], abs=1e-7)
    t = Trainer(config(optimizer="adam", weight_decay=0.01))
    walk(t)
    adam = walk(t)["step"].update
    terms = dict(adam.terms)
    assert adam.formula.startswith("g = grad + weight_decay * w;  m = 0.9 m_prev")
    assert terms["t"] == 2.0 and terms["m_hat"] == pytest.approx(terms["m"] / (1 - 0.9 ** 2))


def test_a_layer_that_did_not_run_gets_no_gradient_and_does_not_move():
    t = Trainer(config(model="dynamic", hidden=(3,), seed=1))
    for _ in range(30):
        reports = walk(t, ("fc2.weight", (0, 0)))
        if t.model.last_repeats == 0:
            break
    else:
        pytest.fail("the loop never ran 0 times")
    u = reports["step"].update
    assert u.before == u.after == u.computed and u.formula.startswith("w_new = w (no gradient")
    assert reports["step"].changes["fc2.weight"] == 0.0 and reports["zero_grad"].grads_after["fc2.weight"] is None
    assert "param:fc2.weight" not in reports["backward"].grad_norms


def test_a_diverged_step_reports_no_update():
    t = Trainer(config())
    with torch.no_grad():
        t.model.fc1.weight.fill_(float("nan"))
    w = PhaseWalk(t)
    for _ in range(3):
        w.advance()
    back = w.advance()
    assert back.order == ("loss",) and back.grad_norms == {"loss": 1.0}  # no backward through a NaN loss
    r = w.advance()
    assert r.result.diverged and r.update is None and t.diverged and t.step_count == 0
    assert len(t.pending_batches) == t.steps_per_epoch  # the batch went back


def test_set_aside_shows_the_trainer_as_before_the_walk_then_the_walk_goes_on():
    t, reference = Trainer(config(dropout=0.3)), Trainer(config(dropout=0.3))
    w = PhaseWalk(t)
    for _ in range(4):
        w.advance()
    grads = {n: p.grad.clone() for n, p in t.model.named_parameters()}
    with w.set_aside():  # e.g. a session saved now: it continues as training would from here
        twin = Trainer(t.config)
        twin.load_state(t.state())
        assert all(p.grad is None for p in t.model.parameters())
        t.model.zero_grad()
        t.model(t.x_train).sum().backward()  # a preview's backward
        t.model.zero_grad(set_to_none=True)
    assert all(torch.equal(p.grad, grads[n]) for n, p in t.model.named_parameters())
    w.advance()
    reference.train_step()
    assert same(weights(t), weights(reference)) and t.step_losses == reference.step_losses
    twin.train_step()
    assert same(weights(twin), weights(reference)) and twin.step_losses == reference.step_losses
