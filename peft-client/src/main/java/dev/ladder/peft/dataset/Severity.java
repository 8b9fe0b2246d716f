package dev.ladder.peft.dataset;

/** How serious a dataset {@link Issue} is. */
public enum Severity {
    /** The provider would reject the file or the example would teach nothing: fix it before uploading. */
    ERROR,
    /** Allowed, but probably not what was meant: read it and decide. */
    WARNING
}
