namespace Engine.Incremental;

/// <summary>Why an edit was rejected.</summary>
public enum EditError : byte
{
    /// <summary>A change lies outside the text, is reversed, or overlaps another.</summary>
    InvalidChange,
    /// <summary>The edit was made against an older version than the current one.</summary>
    StaleVersion,
    /// <summary>The session was closed (or evicted) before the edit was applied.</summary>
    Closed,
}

/// <summary>An edit that was not applied; the document stays at its last version.</summary>
public sealed class EditRejectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EditRejectedException(EditError error, string message)
        : base(message) => Error = error;

    /// <summary>Creates the exception.</summary>
    public EditRejectedException()
        : this(EditError.InvalidChange, "The edit was rejected.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public EditRejectedException(string message)
        : this(EditError.InvalidChange, message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public EditRejectedException(string message, Exception innerException)
        : base(message, innerException) => Error = EditError.InvalidChange;

    /// <summary>Why.</summary>
    public EditError Error { get; }
}
