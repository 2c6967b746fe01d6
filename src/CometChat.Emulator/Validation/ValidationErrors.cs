namespace CometChat.Emulator.Validation;

/// <summary>Collects per-field messages for the <c>details</c> of a 400 <c>ERR_BAD_REQUEST</c>.</summary>
public sealed class ValidationErrors : Dictionary<string, List<string>>
{
    /// <summary>Adds a message for a field.</summary>
    public void Add(string field, string message)
    {
        if (!TryGetValue(field, out var list))
        {
            list = [];
            this[field] = list;
        }
        list.Add(message);
    }

    /// <summary>True when nothing failed.</summary>
    public bool IsEmpty => Count == 0;
}
