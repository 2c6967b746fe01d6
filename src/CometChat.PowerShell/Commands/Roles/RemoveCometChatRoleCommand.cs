namespace CometChat.PowerShell.Commands;

/// <summary>Deletes a role. The built-in role <c>default</c> can't be deleted.</summary>
[Cmdlet(VerbsCommon.Remove, "CometChatRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveCometChatRoleCommand : CometChatCmdlet
{
    /// <summary>The role ids.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.RoleCompleter))]
    public string[] Role { get; set; } = Array.Empty<string>();

    /// <summary>Don't ask for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>The piped record, kept as the target of its error.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>
    /// "3 users", counted with one request (deactivated users included: they move too), so that the confirmation
    /// says what deleting the role does to people. Only asked when a prompt or -WhatIf will show it.
    /// </summary>
    private string UsersHolding(string role)
    {
        if (Force && !IsWhatIf)
        {
            return "its users";
        }
        var query = new UserQuery { Roles = new[] { role }, WithDeactivated = true };
        var total = Await((client, token) => client.ListUsersAsync(query, 1, 1, token)).Pagination?.Total;
        return total switch
        {
            null => "its users",
            1 => "its 1 user",
            _ => $"its {total} users",
        };
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        BeginRecord();
        foreach (var role in Role)
        {
            var id = (role ?? string.Empty).Trim();
            object target = InputObject ?? (object?)role ?? string.Empty;
            var request = CometChatRequests.RemoveRole(id);
            if (request.Problems.Count > 0)
            {
                // Refused before any request, the count of its users included.
                RejectInput(request.Problems, target, InputObject is not null);
                continue;
            }
            try
            {
                if (ShouldSend("Delete CometChat role", id, request, Force, $" and move {UsersHolding(id)} to role 'default'"))
                {
                    Await((client, token) => client.SendAsync(request, token));
                    WriteVerbose($"Role '{id}' deleted.");
                }
            }
            catch (CometChatException error)
            {
                WriteFailure(error, target);
            }
        }
    }
}
