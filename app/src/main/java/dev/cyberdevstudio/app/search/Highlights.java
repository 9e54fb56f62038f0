package dev.cyberdevstudio.app.search;

import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** Builds text nodes for highlighted text: matched runs get {@code matchClass}, the rest {@code plainClass}. */
final class Highlights {

    private Highlights() {
    }

    static TextFlow flow(HighlightedText text, String plainClass, String matchClass) {
        var flow = new TextFlow();
        for (var run : text.runs()) {
            var node = new Text(run.text());
            node.getStyleClass().add(run.highlighted() ? matchClass : plainClass);
            flow.getChildren().add(node);
        }
        return flow;
    }
}
