package dev.cyberdevstudio.app.run;

import dev.cyberdevstudio.app.terminal.TerminalPalette;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.InlineCssTextArea;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.ReadOnlyStyledDocumentBuilder;
import org.fxmisc.richtext.model.SegmentOps;
import org.fxmisc.richtext.model.StyledSegment;

/**
 * The output of a run: styled text in a read-only, virtualized RichTextFX area that keeps at most {@code maxLines}
 * lines (the oldest go first, and a note above the text counts them). Each batch is appended as one document, so a
 * pass of the UI thread does one edit however many pieces came; a line longer than {@value #LONGEST_LINE}
 * characters is broken so that one endless line cannot stall the layout. Follows the end of the output unless the
 * user moved the caret away from it.
 */
final class RunOutputView extends VBox {

    static final int LONGEST_LINE = 4000;

    private final int maxLines;
    private final InlineCssTextArea area = new InlineCssTextArea();
    private final Label droppedNote = new Label();
    private OutputStyles styles;
    private long droppedLines;

    RunOutputView(int maxLines, TerminalPalette palette) {
        this.maxLines = maxLines;
        this.styles = new OutputStyles(palette);
        getStyleClass().add("run-output");
        area.setId("run-output-area");
        area.getStyleClass().add("run-output-area");
        area.setEditable(false);
        area.setWrapText(true);
        droppedNote.getStyleClass().add("run-output-dropped");
        droppedNote.setId("run-output-dropped");
        droppedNote.setManaged(false);
        droppedNote.setVisible(false);
        var scroll = new VirtualizedScrollPane<>(area);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(droppedNote, scroll);
    }

    /** Output in the new palette from now on (text already shown keeps its colours). */
    void setPalette(TerminalPalette palette) {
        styles = new OutputStyles(palette);
    }

    void accept(OutputBatch batch) {
        if (batch.clear()) {
            area.clear();
            droppedLines = 0;
        }
        droppedLines += batch.droppedLines();
        if (!batch.pieces().isEmpty()) {
            boolean follow = area.getCaretPosition() == area.getLength();
            area.append(document(batch.pieces()));
            trim();
            if (follow) {
                area.moveTo(area.getLength());
                area.requestFollowCaret();
            }
        }
        droppedNote.setText(droppedLines == 0 ? "" : "… " + droppedLines + " earlier line"
                + (droppedLines == 1 ? "" : "s") + " dropped");
        droppedNote.setVisible(droppedLines > 0);
        droppedNote.setManaged(droppedLines > 0);
    }

    /** The text on show. */
    String text() {
        return area.getText();
    }

    /** Lines no longer on show because the output outgrew the view. */
    long droppedLines() {
        return droppedLines;
    }

    InlineCssTextArea area() {
        return area;
    }

    private ReadOnlyStyledDocument<String, String, String> document(List<StyledText> pieces) {
        var builder = new ReadOnlyStyledDocumentBuilder<String, String, String>(SegmentOps.styledTextOps(), "");
        var paragraph = new ArrayList<StyledSegment<String, String>>();
        int lineLength = area.getParagraph(area.getParagraphs().size() - 1).length();
        for (var piece : pieces) {
            var css = styles.css(piece.style());
            var text = piece.text();
            int start = 0;
            while (start < text.length()) {
                int newline = text.indexOf('\n', start);
                int end = newline < 0 ? text.length() : newline;
                int room = Math.max(0, LONGEST_LINE - lineLength);
                if (end - start > room) {
                    end = start + room;
                    newline = -2;
                }
                if (end > start) {
                    paragraph.add(new StyledSegment<>(text.substring(start, end), css));
                    lineLength += end - start;
                }
                if (newline == -1) {
                    break;
                }
                end(builder, paragraph);
                paragraph = new ArrayList<>();
                lineLength = 0;
                start = newline == -2 ? end : end + 1;
            }
        }
        end(builder, paragraph);
        return builder.build();
    }

    private static void end(ReadOnlyStyledDocumentBuilder<String, String, String> builder,
                            List<StyledSegment<String, String>> paragraph) {
        if (paragraph.isEmpty()) {
            builder.addParagraph("", "");
        } else {
            builder.addParagraph(paragraph);
        }
    }

    /** Drops the oldest lines once the view holds a tenth more than it keeps, so that it trims now and then. */
    private void trim() {
        int paragraphs = area.getParagraphs().size();
        if (paragraphs > maxLines + maxLines / 10) {
            int excess = paragraphs - maxLines;
            area.deleteText(0, area.getAbsolutePosition(excess, 0));
            droppedLines += excess;
        }
    }
}
