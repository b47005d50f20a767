<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BoundaryPage</name>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="135"/>
        <source>low value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="136"/>
        <source>high value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="139"/>
        <source>class %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="140"/>
        <source>points: white outline = training, dark outline = test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="188"/>
        <source>Predicted value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="190"/>
        <location filename="../../playground/ui/views/boundary.py" line="237"/>
        <source>Probability of class 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="191"/>
        <source>Winning class, shaded by confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="223"/>
        <source>activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="233"/>
        <source>predicted value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="239"/>
        <source>confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="259"/>
        <source>Input %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/boundary.py" line="264"/>
        <source>Layer %1, neuron %2: its activation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
        <location filename="../../playground/ui/controls.py" line="121"/>
        <source>The non-linearity between layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="122"/>
        <source>&amp;Activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="126"/>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="130"/>
        <source>Learning rate on a log scale; can change while training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="135"/>
        <source>Learning rate, 0.00001 to 10; takes effect at the next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="136"/>
        <source>Learning &amp;rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="141"/>
        <source>How the gradients move the weights: optimizer.step()</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="142"/>
        <source>&amp;Optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="145"/>
        <source>Passes over the training data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="146"/>
        <source>&amp;Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="149"/>
        <source>Samples per mini-batch: one optimizer step each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="150"/>
        <source>&amp;Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="155"/>
        <source>L2 penalty on the weights, 0 to 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="156"/>
        <source>&amp;Weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="159"/>
        <source>Random seed: the same seed gives the same data, start and run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="160"/>
        <source>See&amp;d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="164"/>
        <source>Where the tensors live: .to(device). Only devices present are listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="165"/>
        <source>De&amp;vice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/controls.py" line="258"/>
        <source>Neurons in hidden layer {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DigitsPage</name>
    <message>
        <location filename="../../playground/ui/views/digits.py" line="36"/>
        <source>predicted digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/digits.py" line="37"/>
        <source>true digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/digits.py" line="38"/>
        <source>Confusion matrix (test set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/digits.py" line="51"/>
        <source>Test images, predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/digits.py" line="64"/>
        <source>Digits: what it confuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/digits.py" line="69"/>
        <source>correct (diagonal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/digits.py" line="70"/>
        <source>confused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/digits.py" line="71"/>
        <source>wrong: predicted ≠ true</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EngineClient</name>
    <message>
        <location filename="../../playground/ui/client.py" line="111"/>
        <source>Starting the training process (loading PyTorch)...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/client.py" line="228"/>
        <source>Training runs in the window&apos;s own thread: no training process could start (details on the console). Live views may slow training down.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileFlows</name>
    <message>
        <location filename="../../playground/ui/files.py" line="51"/>
        <source>Save this session?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="52"/>
        <source>The network has trained {0} steps that are not saved. Save the session to continue next time?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="91"/>
        <source>Replace file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="91"/>
        <source>{0} already exists. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="102"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="110"/>
        <location filename="../../playground/ui/files.py" line="111"/>
        <source>Exporting {0}...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="113"/>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="117"/>
        <source>Saved {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="122"/>
        <source>Save session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="123"/>
        <source>Playground session (*{0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="126"/>
        <source>Saving {0}...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="128"/>
        <source>Saving the session failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="131"/>
        <source>Saved session {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="138"/>
        <source>Open session or config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="139"/>
        <source>Sessions and configs (*{0} *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="150"/>
        <location filename="../../playground/ui/files.py" line="154"/>
        <source>Cannot open config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="152"/>
        <location filename="../../playground/ui/files.py" line="158"/>
        <source>Opening {0}...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="156"/>
        <source>Loaded config {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="160"/>
        <source>Cannot open session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="164"/>
        <source>Opened session {0}: step {1}, epoch {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="169"/>
        <source>Import weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="170"/>
        <source>Weights (*.safetensors *.pt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="177"/>
        <source>Loading {0}...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="179"/>
        <source>Cannot import weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/files.py" line="181"/>
        <source>Loaded weights from {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GradientLegend</name>
    <message>
        <location filename="../../playground/ui/views/graph_items.py" line="273"/>
        <source>Node color and edge width: the norm of the gradient flowing back through it (log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_items.py" line="292"/>
        <source>|grad| (log)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GraphInspector</name>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="106"/>
        <source>Values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="107"/>
        <source>Gradients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="128"/>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="129"/>
        <source>Click a node to see its op, shapes, values and gradients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="136"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="136"/>
        <source>parameter (leaf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="140"/>
        <source>Op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="141"/>
        <source>Does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="145"/>
        <source>Module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="146"/>
        <source>Shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="146"/>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="148"/>
        <source>Saved {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="150"/>
        <source>Gradient norm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="151"/>
        <source>Mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="151"/>
        <source>Std</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="151"/>
        <source>Min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="152"/>
        <source>Max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="156"/>
        <source>Grad mean / std</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_inspector.py" line="158"/>
        <source>|grad| {0}, mean {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GraphPanel</name>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="53"/>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="54"/>
        <source>Fit the whole graph into view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="58"/>
        <source>Lay the graph out top to bottom or left to right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="62"/>
        <source>Show every autograd node, or one box per layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="85"/>
        <source>Click a node to inspect it; wheel to zoom, drag to pan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="204"/>
        <source>step {0} · {1} nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="285"/>
        <source>shape {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="287"/>
        <source>|grad| {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="289"/>
        <source>mean {0}, std {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="320"/>
        <source>Left → right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="321"/>
        <source>Top ↓ bottom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="322"/>
        <source>One box per layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="323"/>
        <location filename="../../playground/ui/views/graph_view.py" line="373"/>
        <source>Autograd graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="342"/>
        <source>SVG image (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="342"/>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="343"/>
        <source>Graphviz DOT (*.dot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_view.py" line="344"/>
        <source>Export graph</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message>
        <location filename="../../playground/ui/views/graph_items.py" line="247"/>
        <source>Export as SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_items.py" line="247"/>
        <source>Export as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/graph_items.py" line="248"/>
        <source>Export as Graphviz DOT…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="75"/>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="77"/>
        <source>train (per step)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="79"/>
        <location filename="../../playground/ui/views/loss_plot.py" line="83"/>
        <source>train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="80"/>
        <location filename="../../playground/ui/views/loss_plot.py" line="84"/>
        <source>test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="81"/>
        <source>accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="87"/>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="88"/>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="89"/>
        <source>&amp;Log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="90"/>
        <source>Show the loss on a logarithmic axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="92"/>
        <source>Per &amp;step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="93"/>
        <source>Also draw the loss of every mini-batch (lighter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="96"/>
        <source>Values under the mouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="169"/>
        <source>epoch {0}: train loss {1:.4f}, test loss {2:.4f}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/loss_plot.py" line="172"/>
        <source>, test accuracy {0:.1%}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../playground/ui/main_window.py" line="42"/>
        <source>PyTorch Playground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="61"/>
        <location filename="../../playground/ui/main_window.py" line="326"/>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="62"/>
        <source>Start training (Space); while training: pause and resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="63"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="64"/>
        <source>Train on one mini-batch: forward, backward, step (N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="65"/>
        <location filename="../../playground/ui/main_window.py" line="156"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="66"/>
        <source>Stop training (Esc); the weights are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="67"/>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="68"/>
        <source>New initial weights from the seed (R); the same seed gives the same start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="69"/>
        <source>Export...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="71"/>
        <source>Save the trained weights (.safetensors, .pt), the model (.onnx, .pt2), a script that reproduces the run (.py), the config (.json) or the whole session (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="119"/>
        <source>epoch %v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="129"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="130"/>
        <source>&amp;Open session or config...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="132"/>
        <source>&amp;Save session...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="134"/>
        <source>&amp;Export...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="135"/>
        <source>&amp;Import weights...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="137"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="146"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="147"/>
        <source>&amp;Bring back the trained network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="149"/>
        <source>Undo the settings change that started a new network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="152"/>
        <source>&amp;Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="153"/>
        <source>Train / Pause / Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="155"/>
        <source>One step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="157"/>
        <source>Reset weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="162"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="163"/>
        <source>&amp;Live graph and output while training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="167"/>
        <source>Update the graph, output and network views during training; off trains faster on slow computers and shows them when training stops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="172"/>
        <source>Maximize {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="177"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="178"/>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="265"/>
        <source>New network. The trained one ({0} steps) is kept: Edit &gt; Bring back (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="358"/>
        <source>Training stopped because of an unexpected error; the network is as it was after the last finished run. Details: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="260"/>
        <source>Brought back the trained network ({0} steps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="325"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="325"/>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="248"/>
        <source>step {0} - epoch {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="300"/>
        <source>step {0} - {1:.0f} steps/s - {2}:{3:02d} elapsed - lr {4:g}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="313"/>
        <source>train loss {0:.4f}   test loss {1:.4f}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="315"/>
        <source>   train accuracy {0:.1%}   test accuracy {1:.1%}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="337"/>
        <source>Paused: press Space or Resume to go on, N for one step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="355"/>
        <source>Training stopped because of an unexpected error; the weights so far are kept. Details: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="370"/>
        <source>Training diverged at step {0}: the loss stopped being a finite number, so training stopped and the last good weights were kept. Try a lower learning rate, e.g. {1:g}, then press Reset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="375"/>
        <source>Stopped after {0} steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="377"/>
        <source>Finished {0} epochs in {1:.1f} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="382"/>
        <source>About PyTorch Playground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="383"/>
        <source>&lt;b&gt;PyTorch Playground {0}&lt;/b&gt;&lt;p&gt;Watch real PyTorch train a neural network: the training loop, the autograd graph and what the network learns.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="126"/>
        <source>%1 more neurons, not drawn so the picture stays readable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="153"/>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="155"/>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="157"/>
        <source>Hidden %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="159"/>
        <source>%1 neurons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="159"/>
        <source>1 neuron</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="258"/>
        <source>input %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="260"/>
        <source>output %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="261"/>
        <source>hidden layer %1, neuron %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="271"/>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="274"/>
        <source>class %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_view.py" line="331"/>
        <source>The network appears here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutputView</name>
    <message>
        <location filename="../../playground/ui/views/output.py" line="49"/>
        <source>Show test data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/output.py" line="51"/>
        <source>Draw the held-out test points too (dark outline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/output.py" line="53"/>
        <source>Discretize output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/output.py" line="54"/>
        <source>Paint only the decision, not how sure the network is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/output.py" line="68"/>
        <source>Choose a dataset and press Train to see what the network learns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/output.py" line="84"/>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/output.py" line="129"/>
        <source>Not trained yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/output.py" line="202"/>
        <source>step %1 · epoch %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/output.py" line="204"/>
        <source>test accuracy %1%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pane</name>
    <message>
        <location filename="../../playground/ui/panes.py" line="27"/>
        <source>Maximize this view (click again to restore)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectionPage</name>
    <message>
        <location filename="../../playground/ui/views/projection.py" line="34"/>
        <source>principal axis 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/projection.py" line="35"/>
        <source>principal axis 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/projection.py" line="50"/>
        <source>Predictions, 2-D projection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/projection.py" line="67"/>
        <source>low prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/projection.py" line="68"/>
        <source>high prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/projection.py" line="71"/>
        <source>predicted class %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/projection.py" line="73"/>
        <source>wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/projection.py" line="74"/>
        <source>white outline = training, dark = test</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ViewArea</name>
    <message>
        <location filename="../../playground/ui/panes.py" line="48"/>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/panes.py" line="49"/>
        <source>Computation graph (loss.grad_fn)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/panes.py" line="50"/>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/panes.py" line="51"/>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../playground/ui/busy.py" line="21"/>
        <source>Please wait</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>self.view</name>
    <message>
        <location filename="../../playground/ui/views/network_items.py" line="137"/>
        <source>bias (fc%1.bias[%2]) = %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_items.py" line="140"/>
        <source>the picture: this neuron&apos;s output over the input plane</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>v</name>
    <message>
        <location filename="../../playground/ui/views/network_items.py" line="179"/>
        <source>(not trained yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/network_items.py" line="180"/>
        <source>from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
