namespace CometChat.PowerShell.Commands;

/// <summary>Changes a role. Parameters not given are left alone; -Clear removes the description, metadata or settings.</summary>
[Cmdlet(VerbsCommon.Set, "CometChatRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(CometChatRole))]
public sealed class SetCometChatRoleCommand : CometChatCmdlet
{
    /// <summary>The role id.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.RoleCompleter))]
    [AllowEmptyString]
    public string Role { get; set; } = string.Empty;

    /// <summary>New display name.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Name { get; set; }

    /// <summary>New description.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Description { get; set; }

    /// <summary>New metadata, replacing the stored one.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public object? Metadata { get; set; }

    /// <summary>Which users its members may list: All or FriendsOnly.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateSet("All", "FriendsOnly", "", IgnoreCase = true)]
    public string? ListUsers { get; set; }

    /// <summary>Whom its members may message: All or FriendsOnly.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateSet("All", "FriendsOnly", "", IgnoreCase = true)]
    public string? SendMessagesTo { get; set; }

    /// <summary>What to clear: Description, Metadata, Settings.</summary>
    [Parameter]
    [ValidateSet("Description", "Metadata", "Settings", IgnoreCase = true)]
    public string[]? Clear { get; set; }

    /// <summary>Output the changed role (with -WhatIf: the fields that would be set).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The piped record, kept as the target of its error.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        BeginRecord();
        object target = InputObject ?? (object)Role;
        if (InputObject?.BaseObject is CometChatRole)
        {
            // A role from Get-CometChatRole carries its fields; only what the command line says is changed.
            if (!GivenOnCommandLine(nameof(Name))) Name = null;
            if (!GivenOnCommandLine(nameof(Description))) Description = null;
            if (!GivenOnCommandLine(nameof(Metadata))) Metadata = null;
        }
        var id = Role.Trim();
        var problems = new List<FieldProblem>();
        var update = new RoleUpdate
        {
            Name = InputConversion.Text(Name),
            Description = InputConversion.Text(Description),
            Metadata = InputConversion.Metadata(Metadata, problems),
            Unset = Clear?.Select(field => field.ToLowerInvariant()).Distinct().ToList(),
        };
        var listUsers = InputConversion.Text(ListUsers);
        var sendMessagesTo = InputConversion.Text(SendMessagesTo);
        if (problems.Count == 0 && update.Name is null && update.Description is null && update.Metadata is null && update.Unset is null
            && listUsers is null && sendMessagesTo is null)
        {
            WriteVerbose($"Role '{id}': nothing to change.");
            return;
        }
        var request = CometChatRequests.UpdateRole(id, update);
        problems.InsertRange(0, request.Problems);
        if (problems.Count > 0)
        {
            RejectInput(problems, target, InputObject is not null);
            return;
        }
        try
        {
            if ((listUsers is null) != (sendMessagesTo is null) && !IsWhatIf)
            {
                // CometChat replaces the settings object as a whole; keep the setting that was not given.
                var current = Await((client, token) => client.GetRoleAsync(id, token)).Settings;
                listUsers ??= current?.TryGetValue("listUsers", out var list) == true ? list as string : null;
                sendMessagesTo ??= current?.TryGetValue("sendMessagesTo", out var send) == true ? send as string : null;
            }
            update.Settings = RoleSettings.From(listUsers, sendMessagesTo);
            request = CometChatRequests.UpdateRole(id, update);
            if (!ShouldSend("Update CometChat role", id, request))
            {
                if (PassThru && IsWhatIf)
                {
                    WriteObject(new CometChatRole { Role = id.ToLowerInvariant(), Name = update.Name, Description = update.Description, Metadata = update.Metadata, Settings = update.Settings });
                }
                return;
            }
            var role = Await((client, token) => client.SendAsync(request, token));
            if (PassThru)
            {
                WriteObject(role);
            }
        }
        catch (CometChatException error)
        {
            WriteFailure(error, target);
        }
    }
}
