namespace CometChat.Client.Models;

/// <summary>What a bulk deactivate or reactivate did with each uid.</summary>
public sealed class BulkStateResult
{
    /// <summary>Creates a result; null buckets become empty.</summary>
    public BulkStateResult(IReadOnlyList<string>? changed, IReadOnlyList<string>? unchanged, IReadOnlyList<string>? notFound)
    {
        Changed = changed ?? new List<string>();
        Unchanged = unchanged ?? new List<string>();
        NotFound = notFound ?? new List<string>();
    }

    /// <summary>Uids whose state changed (deactivated / reactivated).</summary>
    public IReadOnlyList<string> Changed { get; }

    /// <summary>Uids already in the requested state.</summary>
    public IReadOnlyList<string> Unchanged { get; }

    /// <summary>Uids that do not exist.</summary>
    public IReadOnlyList<string> NotFound { get; }
}
