package dev.cyberdevstudio.app.editor.encoding;

import atlantafx.base.theme.Styles;
import dev.cyberdevstudio.app.editor.CodeEditor;
import dev.cyberdevstudio.app.editor.DocumentViewModel;
import dev.cyberdevstudio.engine.files.InvalidBytes;
import dev.cyberdevstudio.engine.files.TextEncoding;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The bar above the text of a file that is not valid UTF-8: what the U+FFFD characters stand for, that saving keeps
 * the original bytes, and a "Reopen as Windows-1252" (or ISO-8859-1) button. Hidden for every other file, and until
 * the next such notice once dismissed. An editor feature:
 *
 * <pre>{@code
 * editorTabsPane.addEditorFeature(EncodingNoticeBar::attach);
 * }</pre>
 */
public final class EncodingNoticeBar extends HBox {

    private final DocumentViewModel document;
    private final Label message = new Label();
    private final Button reopen = new Button();
    private final SimpleBooleanProperty dismissed = new SimpleBooleanProperty();
    private final ChangeListener<String> noticeChanged = (observable, was, is) -> dismissed.set(false);

    private EncodingNoticeBar(DocumentViewModel document) {
        super(8);
        this.document = document;
        getStyleClass().add("encoding-notice");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 4, 4, 8));

        var icon = new FontIcon(Material2AL.ERROR_OUTLINE);
        icon.getStyleClass().add(Styles.WARNING);
        message.getStyleClass().addAll("encoding-notice-text", Styles.WARNING);
        message.textProperty().bind(document.encodingNoticeProperty());
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);

        reopen.getStyleClass().addAll("encoding-notice-reopen", Styles.SMALL);
        reopen.textProperty().bind(Bindings.createStringBinding(
                () -> suggestion().map(encoding -> "Reopen as " + encoding).orElse(""),
                document.invalidBytesProperty()));
        reopen.setMinWidth(Region.USE_PREF_SIZE);
        reopen.setOnAction(event -> suggestedEncoding().ifPresent(document::reopenAs));

        var dismiss = new Button(null, new FontIcon(Material2AL.CLOSE));
        dismiss.getStyleClass().addAll("encoding-notice-dismiss", Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        dismiss.setOnAction(event -> dismissed.set(true));

        getChildren().addAll(icon, message, reopen, dismiss);
        document.encodingNoticeProperty().addListener(noticeChanged);
        visibleProperty().bind(document.encodingNoticeProperty().isNotEmpty().and(dismissed.not()));
        managedProperty().bind(visibleProperty());
    }

    /** Puts the bar above {@code editor}'s text; the handle detaches it from the document. */
    public static AutoCloseable attach(DocumentViewModel document, CodeEditor editor) {
        var bar = new EncodingNoticeBar(document);
        editor.addHeader(bar);
        return bar::detach;
    }

    private Optional<String> suggestion() {
        return suggestedEncoding().map(TextEncoding::label);
    }

    private Optional<TextEncoding> suggestedEncoding() {
        return document.invalidBytesProperty().get().map(InvalidBytes::suggestion);
    }

    private void detach() {
        document.encodingNoticeProperty().removeListener(noticeChanged);
        message.textProperty().unbind();
        reopen.textProperty().unbind();
        visibleProperty().unbind();
    }
}
