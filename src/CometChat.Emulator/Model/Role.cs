namespace CometChat.Emulator.Model;

/// <summary>A stored role.</summary>
public sealed record Role
{
    /// <summary>Lowercased role id.</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>Compact JSON text.</summary>
    public string? Metadata { get; init; }

    /// <summary>Compact JSON text.</summary>
    public string? Settings { get; init; }

    public long CreatedAt { get; init; }

    public long? UpdatedAt { get; init; }
}

/// <summary>Facts about roles shared by validation and storage.</summary>
public static class Roles
{
    /// <summary>The built-in role (#13).</summary>
    public const string DefaultRoleId = "default";

    /// <summary>At most this many roles per app, the default included.</summary>
    public const int MaxRoles = 25;

    /// <summary>The built-in role as the official example shows it.</summary>
    public static Role Default(long createdAt) => new()
    {
        Id = DefaultRoleId,
        Name = "Default Role",
        Description = "This role gives full access ",
        CreatedAt = createdAt,
    };
}
