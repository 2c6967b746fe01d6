namespace CometChat.Emulator.Model;

/// <summary>A stored user. Immutable: every change produces a new record.</summary>
public sealed record User
{
    /// <summary>Lowercased uid (#3).</summary>
    public required string Uid { get; init; }

    public required string Name { get; init; }

    public string? Avatar { get; init; }

    public string? Link { get; init; }

    public string Role { get; init; } = Roles.DefaultRoleId;

    public string? StatusMessage { get; init; }

    /// <summary>Metadata as compact JSON text; null when unset.</summary>
    public string? Metadata { get; init; }

    /// <summary>Tags in the case they were given; null when none.</summary>
    public string[]? Tags { get; init; }

    /// <summary>Presence, set through the admin endpoint.</summary>
    public bool Online { get; init; }

    public long CreatedAt { get; init; }

    public long? UpdatedAt { get; init; }

    public long? LastActiveAt { get; init; }

    public long? DeactivatedAt { get; init; }

    /// <summary>True while the user is not deactivated.</summary>
    public bool IsActive => DeactivatedAt is null;
}

/// <summary>List order of decision #6: name, then uid, case-insensitive.</summary>
public sealed class UserOrder : IComparer<User>
{
    /// <summary>The single instance.</summary>
    public static readonly UserOrder Instance = new();

    /// <inheritdoc />
    public int Compare(User? x, User? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var byName = string.Compare(x.Name, y.Name, StringComparison.OrdinalIgnoreCase);
        if (byName != 0) return byName;
        // Names equal but for case: order by the exact name so the order stays total and stable.
        byName = string.CompareOrdinal(x.Name, y.Name);
        return byName != 0 ? byName : string.CompareOrdinal(x.Uid, y.Uid);
    }
}
