using System.Security.Cryptography;

namespace CometChat.Emulator.Model;

/// <summary>A stored auth token.</summary>
public sealed record AuthToken
{
    public required string Uid { get; init; }

    public required string Token { get; init; }

    public long CreatedAt { get; init; }

    /// <summary>Creation sequence; orders tokens created in the same second.</summary>
    public long Sequence { get; init; }

    public string? Platform { get; init; }

    public string? UserAgent { get; init; }

    /// <summary>Compact JSON text.</summary>
    public string? AppInfo { get; init; }

    public long? UpdatedAt { get; init; }

    /// <summary>At most this many tokens per user; the oldest is dropped first (#10).</summary>
    public const int MaxPerUser = 100;

    /// <summary>Token format of decision #10: <c>{uid}_{createdAt}{30 lowercase hex}</c>.</summary>
    public static string NewToken(string uid, long createdAt) =>
        $"{uid}_{createdAt}{RandomNumberGenerator.GetHexString(30, lowercase: true)}";
}
