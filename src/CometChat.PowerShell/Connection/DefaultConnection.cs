using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace CometChat.PowerShell;

/// <summary>The default connection of each runspace, so parallel runspaces connected to different apps never mix.</summary>
internal static class DefaultConnection
{
    private static readonly ConditionalWeakTable<Runspace, StrongBox<CometChatContext?>> PerRunspace = new();

    /// <summary>
    /// Makes <paramref name="context"/> the default connection. Replacing a default that points elsewhere is said in
    /// a warning when <paramref name="warn"/> (the caller asked for the object, so may not expect the switch).
    /// </summary>
    public static void Replace(System.Management.Automation.Cmdlet cmdlet, CometChatContext context, bool warn)
    {
        if (warn && Current is { } previous && previous.BaseUri != context.BaseUri)
        {
            cmdlet.WriteWarning($"The default connection is now {context} (it was {previous}): commands without -Context use it. Use -NoDefault to keep the previous default.");
        }
        Current = context;
    }

    /// <summary>The current runspace's default connection, or null.</summary>
    public static CometChatContext? Current
    {
        get => Runspace.DefaultRunspace is { } runspace && PerRunspace.TryGetValue(runspace, out var box) ? box.Value : null;
        set
        {
            if (Runspace.DefaultRunspace is { } runspace)
            {
                PerRunspace.GetOrCreateValue(runspace).Value = value;
            }
        }
    }
}
