"""The network view's names for its neurons: the inputs by the features they are (x₁, x₁²...),
the outputs by class or value, the hidden ones by layer and index. A part of ``NetworkView``
(its translation context stays "NetworkView")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from playground.core import catalog


class NeuronNames:
    """Mixed into NetworkView, which holds ``_sizes``, ``_input_names``, ``_labels`` and ``_layout``."""

    def neuron_name(self, layer: int, index: int) -> str:
        if layer == 0:
            return QCoreApplication.translate("NetworkView", "input %1").replace("%1", self.input_label(index))
        if layer == len(self._sizes) - 1:
            return QCoreApplication.translate("NetworkView", "output %1").replace("%1", self.output_label(index))
        return QCoreApplication.translate("NetworkView", "hidden layer %1, neuron %2").replace("%1", str(layer)).replace("%2", str(index + 1))

    def set_input_names(self, names: tuple[str, ...]) -> None:
        """Name the input neurons by the features they are (catalog.FEATURES: "x1", "x1^2", ...);
        the labels follow at once. Snapshots of 2-D data call it with their ``input_names``."""
        names = tuple(names)
        if names == self._input_names:
            return
        self._input_names = names
        for col, idx, label in self._labels:
            if col == 0:
                label.setText(self.input_label(idx))
                label.forms = (label.text(),)
        self._layout()

    def input_label(self, index: int) -> str:
        names = self._input_names
        if self._sizes and len(names) == self._sizes[0] and names[index] in catalog.FEATURES:
            return catalog.FEATURES[names[index]].label
        if self._sizes and self._sizes[0] == 2:
            return ("x\u2081", "x\u2082")[index]
        return f"x{index + 1}"

    def output_label(self, index: int) -> str:
        n = self._sizes[-1] if self._sizes else 0
        if n == 1:
            return QCoreApplication.translate("NetworkView", "value")
        if n == 10 and self._sizes[0] == 64:
            return str(index)
        return QCoreApplication.translate("NetworkView", "class %1").replace("%1", str(index))
