using System.Security;

namespace CometChat.PowerShell;

/// <summary>A running local emulator started by Start-CometChatEmulator.</summary>
public sealed class CometChatEmulator
{
    internal CometChatEmulator(Uri baseUri, SecureString apiKey, SecureString authOnlyKey, int processId, string? dataPath, CometChatContext context)
    {
        BaseUri = baseUri;
        ApiKey = apiKey;
        AuthOnlyKey = authOnlyKey;
        ProcessId = processId;
        DataPath = dataPath;
        Context = context;
        StartedAt = DateTimeOffset.Now;
    }

    /// <summary>The API root, e.g. <c>http://127.0.0.1:41234/v3</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>The emulator's full-access key.</summary>
    public SecureString ApiKey { get; }

    /// <summary>The emulator's Auth Only key (create users and auth tokens only).</summary>
    public SecureString AuthOnlyKey { get; }

    /// <summary>The emulator's process id.</summary>
    public int ProcessId { get; }

    /// <summary>The database file, when data persists; null for a temporary database deleted on stop.</summary>
    public string? DataPath { get; }

    /// <summary>A connection to this emulator.</summary>
    public CometChatContext Context { get; }

    /// <summary>When it was started.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <inheritdoc />
    public override string ToString() => BaseUri.AbsoluteUri;
}
