namespace CometChat.PowerShell.Infrastructure;

/// <summary>
/// Reads what a common parameter sets for a command, else the caller's preference variable: -Verbose and
/// $VerbosePreference, -Debug, -WhatIf, -ErrorAction. A switch and a true/false variable read as Continue when on.
/// </summary>
internal static class Preferences
{
    public static ActionPreference? Of(PSCmdlet cmdlet, string commonParameter, string variable)
    {
        var value = cmdlet.MyInvocation.BoundParameters.TryGetValue(commonParameter, out var given) ? given : cmdlet.GetVariableValue(variable);
        value = value is PSObject wrapped ? wrapped.BaseObject : value;
        return value switch
        {
            SwitchParameter flag => flag.IsPresent ? ActionPreference.Continue : ActionPreference.SilentlyContinue,
            bool on => on ? ActionPreference.Continue : ActionPreference.SilentlyContinue,
            ActionPreference preference => preference,
            null => null,
            _ => LanguagePrimitives.TryConvertTo(value, out ActionPreference converted) ? converted
                : LanguagePrimitives.IsTrue(value) ? ActionPreference.Continue : ActionPreference.SilentlyContinue,
        };
    }

    /// <summary>Whether verbose lines are shown.</summary>
    public static bool Verbose(PSCmdlet cmdlet) => Of(cmdlet, "Verbose", "VerbosePreference") is not (null or ActionPreference.SilentlyContinue);

    /// <summary>Whether debug lines are shown.</summary>
    public static bool Debug(PSCmdlet cmdlet) => Of(cmdlet, "Debug", "DebugPreference") is not (null or ActionPreference.SilentlyContinue or ActionPreference.Ignore);

    /// <summary>Whether -WhatIf is in force.</summary>
    public static bool WhatIf(PSCmdlet cmdlet) => Of(cmdlet, "WhatIf", "WhatIfPreference") == ActionPreference.Continue;

    /// <summary>Whether a non-terminating error stops the command.</summary>
    public static bool StopOnError(PSCmdlet cmdlet) => Of(cmdlet, "ErrorAction", "ErrorActionPreference") == ActionPreference.Stop;
}
