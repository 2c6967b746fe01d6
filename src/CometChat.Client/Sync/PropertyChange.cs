namespace CometChat.Client.Sync;

/// <summary>One property a sync changes, with its value before and after as text (tags as <c>a;b</c>, metadata as JSON).</summary>
public sealed class PropertyChange
{
    /// <summary>Creates a change.</summary>
    public PropertyChange(string property, string? oldValue, string? newValue)
    {
        Property = property;
        Old = oldValue;
        New = newValue;
    }

    /// <summary>The property: Name, Avatar, Link, Role, StatusMessage, Metadata, Tags or Status.</summary>
    public string Property { get; }

    /// <summary>The value CometChat holds; null when none.</summary>
    public string? Old { get; }

    /// <summary>The value the source wants; null to clear.</summary>
    public string? New { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Property}: {Show(Old)} -> {Show(New)}";

    private static string Show(string? value) => value is null ? "(none)" : "'" + value + "'";
}
