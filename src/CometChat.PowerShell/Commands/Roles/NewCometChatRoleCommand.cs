namespace CometChat.PowerShell.Commands;

/// <summary>Creates a role (at most 25 per app), which decides whom its users may list and message.</summary>
[Cmdlet(VerbsCommon.New, "CometChatRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(CometChatRole))]
public sealed class NewCometChatRoleCommand : CometChatCmdlet
{
    /// <summary>Role id: letters, digits, dashes and underscores, at most 100 characters (stored lowercase).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string Role { get; set; } = string.Empty;

    /// <summary>Display name, at most 100 characters.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string Name { get; set; } = string.Empty;

    /// <summary>Description, at most 255 characters.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Description { get; set; }

    /// <summary>Metadata: a hashtable, an object, or JSON object text.</summary>
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

    /// <summary>With -WhatIf, output the role that would be created.</summary>
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
        var problems = new List<FieldProblem>();
        var role = new NewRole
        {
            Role = Role.Trim(),
            Name = Name,
            Description = InputConversion.Text(Description),
            Metadata = InputConversion.Metadata(Metadata, problems),
            Settings = RoleSettings.From(InputConversion.Text(ListUsers), InputConversion.Text(SendMessagesTo)),
        };
        // Built (and checked) once: -WhatIf shows it and the client sends it. A bad row costs its error, no request.
        var request = CometChatRequests.CreateRole(role);
        problems.InsertRange(0, request.Problems);
        if (problems.Count > 0)
        {
            RejectInput(problems, target, InputObject is not null);
            return;
        }
        if (!ShouldSend("Create CometChat role", role.Role, request))
        {
            if (PassThru && IsWhatIf)
            {
                WriteObject(new CometChatRole { Role = role.Role.ToLowerInvariant(), Name = role.Name, Description = role.Description, Metadata = role.Metadata, Settings = role.Settings });
            }
            return;
        }
        try
        {
            WriteObject(Await((client, token) => client.SendAsync(request, token)));
        }
        catch (CometChatException error)
        {
            WriteFailure(error, target);
        }
    }
}
