using CometChat.Client.Http;

namespace CometChat.PowerShell;

/// <summary>
/// A connection to one CometChat app (or the emulator). It owns the client, and with it the rate limiter that every
/// cmdlet and runspace using this connection shares. It never exposes the API key.
/// </summary>
public sealed class CometChatContext
{
    internal CometChatContext(CometChatClient client, string? appId, string? region, bool isEmulator, Emulator.EmulatorProcess? emulator = null)
    {
        Emulator = emulator;
        Client = client;
        AppId = appId;
        Region = region;
        IsEmulator = isEmulator;
        ConnectedAt = DateTimeOffset.Now;
    }

    /// <summary>The app ID, when connected by app and region.</summary>
    public string? AppId { get; }

    /// <summary>The region (<c>us</c>, <c>eu</c>, <c>in</c>), when connected by app and region.</summary>
    public string? Region { get; }

    /// <summary>The API root, including <c>/v3</c>.</summary>
    public Uri BaseUri => Client.Options.BaseUri;

    /// <summary>Whether this connection points at a local emulator (started by Start-CometChatEmulator, or found at a loopback -BaseUri).</summary>
    public bool IsEmulator { get; }

    /// <summary>
    /// For an emulator this session started: <c>Running</c>, or when its process has gone, <c>Exited (code N)</c>.
    /// Null otherwise.
    /// </summary>
    public string? EmulatorStatus => Emulator is null ? null : Emulator.HasExited ? $"Exited (code {Emulator.ExitCodeText})" : "Running";

    /// <summary>Core operations (create/delete user, deactivate, auth token) are paced to this many per minute; 0 = not paced.</summary>
    public int CoreRequestsPerMinute => Client.Pacer.RequestsPerMinute(RateBucket.Core);

    /// <summary>Other operations are paced to this many per minute; 0 = not paced.</summary>
    public int StandardRequestsPerMinute => Client.Pacer.RequestsPerMinute(RateBucket.Standard);

    /// <summary>When the connection was made.</summary>
    public DateTimeOffset ConnectedAt { get; }

    /// <summary>The summary of the last bulk operation on this connection (also after Ctrl+C).</summary>
    public OperationSummary? LastOperation { get; internal set; }

    internal CometChatClient Client { get; }

    /// <summary>The emulator process behind this connection, when this session started it.</summary>
    internal Emulator.EmulatorProcess? Emulator { get; }

    /// <inheritdoc />
    public override string ToString() => AppId is null ? BaseUri.AbsoluteUri : $"{AppId} ({Region})";
}
