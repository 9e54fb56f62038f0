package dev.cyberdevstudio.engine.project;

/** Why a file operation failed, for callers that react to the cause rather than show the message. */
public enum FileProblem {
    INVALID_NAME("the name is not valid"),
    ALREADY_EXISTS("it already exists"),
    NOT_FOUND("it does not exist"),
    PERMISSION_DENIED("permission denied"),
    NOT_A_FOLDER("it is not a folder"),
    FOLDER_NOT_EMPTY("the folder is not empty"),
    OTHER("input/output error");

    private final String description;

    FileProblem(String description) {
        this.description = description;
    }

    /** A short, lower-case phrase for messages: "permission denied". */
    public String description() {
        return description;
    }
}
