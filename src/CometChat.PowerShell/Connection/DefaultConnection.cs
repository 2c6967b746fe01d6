using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace CometChat.PowerShell;

/// <summary>The default connection of each runspace, so parallel runspaces connected to different apps never mix.</summary>
internal static class DefaultConnection
{
    private static readonly ConditionalWeakTable<Runspace, StrongBox<CometChatContext?>> PerRunspace = new();

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
