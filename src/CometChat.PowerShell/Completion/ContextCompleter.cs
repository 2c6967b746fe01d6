using System.Collections;
using System.Management.Automation.Language;

namespace CometChat.PowerShell.Completion;

/// <summary>Completes <c>-Context</c> with the session's variables that hold a CometChat connection.</summary>
public sealed class ContextCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var prefix = (wordToComplete ?? string.Empty).TrimStart('$');
        using var shell = System.Management.Automation.PowerShell.Create(RunspaceMode.CurrentRunspace);
        var variables = shell.AddCommand("Get-Variable").Invoke<PSVariable>();
        return variables
            .Where(v => v.Value is CometChatContext || (v.Value is PSObject wrapped && wrapped.BaseObject is CometChatContext))
            .Where(v => v.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase)
            .Select(v => new CompletionResult("$" + v.Name, v.Name, CompletionResultType.Variable, v.Value?.ToString() ?? v.Name))
            .ToList();
    }
}
