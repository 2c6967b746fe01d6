using CometChat.Client.Validation;

namespace CometChat.PowerShell.Commands;

/// <summary>
/// Changes CometChat users. A parameter that is not given (or an empty CSV cell) leaves that property alone;
/// <c>-Clear</c> clears properties. Binds from pipeline properties, so <c>Import-Csv | Set-CometChatUser</c> and
/// <c>Get-CometChatUser -Role trial | Set-CometChatUser -Role paid</c> work.
/// </summary>
[Cmdlet(VerbsCommon.Set, "CometChatUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(CometChatUser))]
public sealed class SetCometChatUserCommand : UserBulkCmdlet<CometChatUser>
{
    /// <summary>New display name.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("DisplayName", "FullName")]
    public string? Name { get; set; }

    /// <summary>New avatar URL.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("AvatarUrl", "Picture")]
    public string? Avatar { get; set; }

    /// <summary>New profile URL.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ProfileUrl")]
    public string? Link { get; set; }

    /// <summary>New role (must exist).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.RoleCompleter))]
    public string? Role { get; set; }

    /// <summary>New status message.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? StatusMessage { get; set; }

    /// <summary>New metadata, replacing the stored one: a hashtable, an object, or JSON object text.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public object? Metadata { get; set; }

    /// <summary>New tags, replacing the stored ones; a CSV cell holds them as <c>a;b;c</c>.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Tag")]
    [ArgumentCompleter(typeof(Completion.TagCompleter))]
    public string[]? Tags { get; set; }

    /// <summary>Properties to clear: Avatar, Link, Metadata, Tags, StatusMessage.</summary>
    [Parameter]
    [ValidateSet("Avatar", "Link", "Metadata", "Tags", "StatusMessage", IgnoreCase = true)]
    public string[]? Clear { get; set; }

    /// <summary>Output the changed user (with -WhatIf: the properties that would be set).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override string ProgressActivity => "Updating CometChat users";

    /// <inheritdoc />
    protected override void CountSuccess(CometChatUser result) => Summary.Updated++;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        // An empty cell means "leave alone", so an empty value would silently change nothing. On the command line
        // that is never what was meant: say how to clear instead.
        foreach (var (parameter, value) in new (string, object?)[]
        {
            (nameof(Name), Name), (nameof(Avatar), Avatar), (nameof(Link), Link), (nameof(Role), Role),
            (nameof(StatusMessage), StatusMessage), (nameof(Metadata), Metadata), (nameof(Tags), Tags),
        })
        {
            if (GivenOnCommandLine(parameter) && IsEmptyValue(value))
            {
                var advice = parameter is nameof(Name) or nameof(Role)
                    ? $"A user's {parameter.ToLowerInvariant()} can't be cleared; give a value."
                    : $"To clear it, use -Clear {parameter}.";
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException($"-{parameter} is empty, which would change nothing: an empty value means 'leave it alone', as an empty CSV cell does. {advice}", parameter),
                    "CometChatEmptyValue", ErrorCategory.InvalidArgument, value));
            }
        }
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        BeginRecord();
        if (IsModuleObject(InputObject))
        {
            // A user (or block, token...) from this module carries properties that describe what is; binding them
            // would write the whole object back (undoing anyone's change since it was read), or another user's
            // name onto this one. Only what the command line says is changed.
            ForgetPipelineProperties();
        }
        var problems = new List<FieldProblem>();
        var update = BuildUpdate(problems);

        foreach (var uid in Uid)
        {
            // Everything CometChat would refuse is refused here, before a request: a bad row costs its error, no
            // call. The request is built (and checked) once: -WhatIf shows it and the client sends it.
            object target = InputObject ?? (object)uid;
            var request = CometChatRequests.UpdateUser(uid, update);
            var rowProblems = request.Problems.Concat(problems).ToList();
            if (rowProblems.Count == 0 && UnknownRole(update.Role) is { } unknownRole)
            {
                rowProblems.Add(unknownRole);
            }
            if (rowProblems.Count > 0)
            {
                RejectInput(rowProblems, target, InputObject is not null);
                continue;
            }
            Update(uid, update, request, target);
        }
    }

    private void Update(string uid, UserUpdate update, PreparedRequest<CometChatUser> request, object target)
    {
        if (update.IsEmpty)
        {
            WriteVerbose($"User '{uid}': nothing to change.");
            Summary.Skipped++;
            return;
        }
        if (!ShouldSend("Update CometChat user", uid, request))
        {
            if (PassThru && IsWhatIf)
            {
                WriteObject(UserInput.Preview(uid, update));
            }
            return;
        }
        var passThru = PassThru.IsPresent;
        Submit(target, uid, (client, token) => client.SendAsync(request, token), user =>
        {
            if (passThru)
            {
                WriteObject(user);
            }
        });
    }

    private static bool IsEmptyValue(object? value) => value switch
    {
        null => true,
        PSObject wrapped => IsEmptyValue(wrapped.BaseObject),
        string text => text.Trim().Length == 0,
        string[] items => items.All(item => string.IsNullOrWhiteSpace(item)),
        _ => false,
    };

    private void ForgetPipelineProperties()
    {
        if (!GivenOnCommandLine(nameof(Name))) Name = null;
        if (!GivenOnCommandLine(nameof(Avatar))) Avatar = null;
        if (!GivenOnCommandLine(nameof(Link))) Link = null;
        if (!GivenOnCommandLine(nameof(Role))) Role = null;
        if (!GivenOnCommandLine(nameof(StatusMessage))) StatusMessage = null;
        if (!GivenOnCommandLine(nameof(Metadata))) Metadata = null;
        if (!GivenOnCommandLine(nameof(Tags))) Tags = null;
    }

    private UserUpdate BuildUpdate(List<FieldProblem> problems)
    {
        var clear = new HashSet<string>(Clear ?? Array.Empty<string>(), StringComparer.OrdinalIgnoreCase);
        var update = new UserUpdate
        {
            Name = InputConversion.Text(Name),
            Avatar = InputConversion.Text(Avatar),
            Link = InputConversion.Text(Link),
            Role = InputConversion.Text(Role)?.Trim(),
            StatusMessage = clear.Contains("StatusMessage") ? string.Empty : InputConversion.Text(StatusMessage),
            Metadata = InputConversion.Metadata(Metadata, problems),
            Tags = clear.Contains("Tags") ? new List<string>() : InputConversion.Tags(Tags, IsTextCell(InputObject, nameof(Tags), "Tag")),
        };
        var unset = new[] { "Avatar", "Link", "Metadata" }.Where(clear.Contains).Select(field => field.ToLowerInvariant()).ToList();
        if (unset.Count > 0)
        {
            update.Unset = unset;
            update.Avatar = unset.Contains("avatar") ? null : update.Avatar;
            update.Link = unset.Contains("link") ? null : update.Link;
            update.Metadata = unset.Contains("metadata") ? null : update.Metadata;
        }
        return update;
    }
}
