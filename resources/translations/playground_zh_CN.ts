<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ControlPanel</name>
    <message>
        <location filename="../../playground/ui/controls.py" line="63"/>
        <source>(custom)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="67"/>
        <source>Load a ready-made lesson: dataset, network and training settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="70"/>
        <source>&amp;Lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="74"/>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="80"/>
        <source>Which data the network learns from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="81"/>
        <source>&amp;Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="84"/>
        <source>Noise added to the synthetic datasets (0 to 0.5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="86"/>
        <source>&amp;Noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="89"/>
        <source>Share of the data used for training; the rest tests the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="91"/>
        <source>Trai&amp;n split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="95"/>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="98"/>
        <source>e.g. 8, 8 (empty: no hidden layer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="100"/>
        <source>Neurons per hidden layer, input to output: 0 to {0} layers of 1 to {1} neurons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="104"/>
        <source>Add a hidden layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="106"/>
        <source>Remove the last hidden layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="107"/>
        <source>&amp;Hidden layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="111"/>
        <source>Neurons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="120"/>
        <source>The non-linearity between layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="121"/>
        <source>&amp;Activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="125"/>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="129"/>
        <source>Learning rate on a log scale; can change while training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="134"/>
        <source>Learning rate, 0.00001 to 10; takes effect at the next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="135"/>
        <source>Learning &amp;rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="137"/>
        <source>SGD + momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="139"/>
        <source>How the gradients move the weights: optimizer.step()</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="140"/>
        <source>&amp;Optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="143"/>
        <source>Passes over the training data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="144"/>
        <source>&amp;Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="147"/>
        <source>Samples per mini-batch: one optimizer step each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="148"/>
        <source>&amp;Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="153"/>
        <source>L2 penalty on the weights, 0 to 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="154"/>
        <source>&amp;Weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="157"/>
        <source>Random seed: the same seed gives the same data, start and run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="158"/>
        <source>See&amp;d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="162"/>
        <source>Where the tensors live: .to(device). Only devices present are listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="163"/>
        <source>De&amp;vice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="256"/>
        <source>Neurons in hidden layer {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GradientLegend</name>
    <message>
        <location filename="../../playground/ui/graph_view.py" line="320"/>
        <source>Node color and edge width: the norm of the gradient flowing back through it (log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_view.py" line="339"/>
        <source>|grad| (log)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GraphInspector</name>
    <message>
        <location filename="../../playground/ui/graph_inspector.py" line="105"/>
        <source>Values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_inspector.py" line="106"/>
        <source>Gradients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_inspector.py" line="127"/>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_inspector.py" line="128"/>
        <source>Click a node to see its op, shapes, values and gradients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_inspector.py" line="135"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_inspector.py" line="135"/>
        <source>parameter (leaf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_inspector.py" line="139"/>
        <source>Op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_inspector.py" line="140"/>
        <source>Does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_inspector.py" line="144"/>
        <source>Module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_inspector.py" line="145"/>
        <source>Shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_inspector.py" line="145"/>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_inspector.py" line="147"/>
        <source>Saved {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_inspector.py" line="149"/>
        <source>Gradient norm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_inspector.py" line="150"/>
        <source>Mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_inspector.py" line="150"/>
        <source>Std</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_inspector.py" line="150"/>
        <source>Min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_inspector.py" line="151"/>
        <source>Max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_inspector.py" line="155"/>
        <source>Grad mean / std</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_inspector.py" line="157"/>
        <source>|grad| {0}, mean {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GraphPanel</name>
    <message>
        <location filename="../../playground/ui/graph_view.py" line="376"/>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_view.py" line="377"/>
        <source>Fit the whole graph into view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_view.py" line="381"/>
        <source>Lay the graph out top to bottom or left to right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_view.py" line="385"/>
        <source>Show every autograd node, or one box per layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_view.py" line="408"/>
        <source>Click a node to inspect it; wheel to zoom, drag to pan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_view.py" line="527"/>
        <source>step {0} · {1} nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_view.py" line="608"/>
        <source>shape {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_view.py" line="610"/>
        <source>|grad| {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_view.py" line="612"/>
        <source>mean {0}, std {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_view.py" line="643"/>
        <source>Left → right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_view.py" line="644"/>
        <source>Top ↓ bottom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_view.py" line="645"/>
        <source>One box per layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_view.py" line="646"/>
        <location filename="../../playground/ui/graph_view.py" line="697"/>
        <source>Autograd graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_view.py" line="665"/>
        <source>SVG image (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_view.py" line="665"/>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_view.py" line="666"/>
        <source>Graphviz DOT (*.dot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_view.py" line="667"/>
        <source>Export graph</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message>
        <location filename="../../playground/ui/graph_view.py" line="294"/>
        <source>Export as SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_view.py" line="294"/>
        <source>Export as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/graph_view.py" line="295"/>
        <source>Export as Graphviz DOT…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <location filename="../../playground/ui/loss_plot.py" line="67"/>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/loss_plot.py" line="69"/>
        <source>train (per step)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/loss_plot.py" line="71"/>
        <location filename="../../playground/ui/loss_plot.py" line="75"/>
        <source>train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/loss_plot.py" line="72"/>
        <location filename="../../playground/ui/loss_plot.py" line="76"/>
        <source>test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/loss_plot.py" line="73"/>
        <source>accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/loss_plot.py" line="79"/>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/loss_plot.py" line="80"/>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/loss_plot.py" line="81"/>
        <source>&amp;Log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/loss_plot.py" line="82"/>
        <source>Show the loss on a logarithmic axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/loss_plot.py" line="84"/>
        <source>Per &amp;step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/loss_plot.py" line="85"/>
        <source>Also draw the loss of every mini-batch (lighter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/loss_plot.py" line="88"/>
        <source>Values under the mouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/loss_plot.py" line="161"/>
        <source>epoch {0}: train loss {1:.4f}, test loss {2:.4f}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/loss_plot.py" line="164"/>
        <source>, test accuracy {0:.1%}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../playground/ui/main_window.py" line="75"/>
        <source>PyTorch Playground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="99"/>
        <location filename="../../playground/ui/main_window.py" line="305"/>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="100"/>
        <source>Start training (Space); while training: pause and resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="101"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="102"/>
        <source>Train on one mini-batch: forward, backward, step (N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="103"/>
        <location filename="../../playground/ui/main_window.py" line="212"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="104"/>
        <source>Stop training (Esc); the weights are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="105"/>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="106"/>
        <source>New initial weights from the seed (R); the same seed gives the same start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="107"/>
        <source>Export...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="109"/>
        <source>Save the trained weights (.safetensors, .pt), the model (.onnx, .pt2), a script that reproduces the run (.py), the config (.json) or the whole session (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="141"/>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="142"/>
        <source>Computation graph (loss.grad_fn)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="143"/>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="144"/>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="175"/>
        <source>epoch %v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="185"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="186"/>
        <source>&amp;Open session or config...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="188"/>
        <source>&amp;Save session...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="190"/>
        <source>&amp;Export...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="191"/>
        <source>&amp;Import weights...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="193"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="202"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="203"/>
        <source>&amp;Bring back the trained network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="205"/>
        <source>Undo the settings change that started a new network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="208"/>
        <source>&amp;Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="209"/>
        <source>Train / Pause / Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="211"/>
        <source>One step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="213"/>
        <source>Reset weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="218"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="219"/>
        <source>&amp;Live graph and output while training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="223"/>
        <source>Update the graph, output and network views during training; off trains faster on slow computers and shows them when training stops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="228"/>
        <source>Maximize {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="233"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="234"/>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="283"/>
        <source>New network. The trained one ({0} steps) is kept: Edit &gt; Bring back (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="298"/>
        <source>Brought back the trained network ({0} steps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="305"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="305"/>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="312"/>
        <source>Paused: press Space or Resume to go on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="324"/>
        <source>step {0} - epoch {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="355"/>
        <source>step {0} - {1:.0f} steps/s - {2}:{3:02d} elapsed - lr {4:g}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="368"/>
        <source>train loss {0:.4f}   test loss {1:.4f}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="370"/>
        <source>   train accuracy {0:.1%}   test accuracy {1:.1%}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="381"/>
        <source>Training stopped because of an unexpected error; the weights so far are kept. Details: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="384"/>
        <source>Training stopped because of an unexpected error; the network is as it was before this run. Details: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="397"/>
        <source>Training diverged at step {0}: the loss stopped being a finite number, so training stopped and the last good weights were kept. Try a lower learning rate, e.g. {1:g}, then press Reset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="402"/>
        <source>Stopped after {0} steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="404"/>
        <source>Finished {0} epochs in {1:.1f} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="428"/>
        <source>About PyTorch Playground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="429"/>
        <source>&lt;b&gt;PyTorch Playground {0}&lt;/b&gt;&lt;p&gt;Watch real PyTorch train a neural network: the training loop, the autograd graph and what the network learns.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="457"/>
        <source>Replace file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="458"/>
        <source>{0} already exists. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="474"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="477"/>
        <location filename="../../playground/ui/main_window.py" line="480"/>
        <source>Exporting {0}...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="484"/>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="488"/>
        <source>Saved {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="496"/>
        <source>Save session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="497"/>
        <source>Playground session (*{0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="503"/>
        <source>Saving the session failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="506"/>
        <source>Saved session {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="514"/>
        <source>Open session or config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="515"/>
        <source>Sessions and configs (*{0} *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="527"/>
        <source>Cannot open config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="530"/>
        <source>Loaded config {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="539"/>
        <source>Cannot open session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="543"/>
        <source>Opened session {0}: step {1}, epoch {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="551"/>
        <source>Import weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="552"/>
        <source>Weights (*.safetensors *.pt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="561"/>
        <source>Cannot import weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="564"/>
        <source>Loaded weights from {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="572"/>
        <source>Save this session?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="573"/>
        <source>The network has trained {0} steps that are not saved. Save the session to continue next time?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <location filename="../../playground/ui/network_view.py" line="327"/>
        <source>%1 more neurons, not drawn so the picture stays readable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/network_view.py" line="354"/>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/network_view.py" line="356"/>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/network_view.py" line="358"/>
        <source>Hidden %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/network_view.py" line="360"/>
        <source>%1 neurons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/network_view.py" line="360"/>
        <source>1 neuron</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/network_view.py" line="459"/>
        <source>input %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/network_view.py" line="461"/>
        <source>output %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/network_view.py" line="462"/>
        <source>hidden layer %1, neuron %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/network_view.py" line="472"/>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/network_view.py" line="475"/>
        <source>class %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/network_view.py" line="534"/>
        <source>The network appears here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutputView</name>
    <message>
        <location filename="../../playground/ui/output_view.py" line="140"/>
        <source>Show test data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="142"/>
        <source>Draw the held-out test points too (dark outline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="144"/>
        <source>Discretize output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="145"/>
        <source>Paint only the decision, not how sure the network is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="159"/>
        <source>Choose a dataset and press Train to see what the network learns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="174"/>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="246"/>
        <source>predicted digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="247"/>
        <source>true digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="248"/>
        <source>Confusion matrix (test set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="564"/>
        <source>Digits: what it confuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="646"/>
        <source>Predictions, 2-D projection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="275"/>
        <source>principal axis 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="276"/>
        <source>principal axis 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="315"/>
        <source>Not trained yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="426"/>
        <source>low value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="427"/>
        <source>high value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="430"/>
        <source>class %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="431"/>
        <source>points: white outline = training, dark outline = test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="465"/>
        <source>activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="475"/>
        <source>predicted value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="414"/>
        <source>Predicted value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="261"/>
        <source>Test images, predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="416"/>
        <location filename="../../playground/ui/output_view.py" line="479"/>
        <source>Probability of class 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="417"/>
        <source>Winning class, shaded by confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="481"/>
        <source>confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="500"/>
        <source>Input %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="505"/>
        <source>Layer %1, neuron %2: its activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="568"/>
        <source>correct (diagonal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="569"/>
        <source>confused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="570"/>
        <source>wrong: predicted ≠ true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="649"/>
        <source>low prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="649"/>
        <source>high prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="652"/>
        <source>predicted class %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="654"/>
        <source>wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="655"/>
        <source>white outline = training, dark = test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="684"/>
        <source>step %1 · epoch %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/output_view.py" line="686"/>
        <source>test accuracy %1%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pane</name>
    <message>
        <location filename="../../playground/ui/main_window.py" line="56"/>
        <source>Maximize this view (click again to restore)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <location filename="../../playground/ui/worker.py" line="284"/>
        <source>Training ran in the window&apos;s own thread: no training process could start (details on the console). Live views may slow training down.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <location filename="../../playground/ui/worker.py" line="78"/>
        <source>Starting the training process (loading PyTorch)...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../playground/ui/busy.py" line="41"/>
        <source>Please wait</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>self.view</name>
    <message>
        <location filename="../../playground/ui/network_view.py" line="162"/>
        <source>bias (fc%1.bias[%2]) = %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/network_view.py" line="165"/>
        <source>the picture: this neuron&apos;s output over the input plane</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>v</name>
    <message>
        <location filename="../../playground/ui/network_view.py" line="204"/>
        <source>(not trained yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/network_view.py" line="205"/>
        <source>from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
