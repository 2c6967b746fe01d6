using CometChat.Client.Validation;

namespace CometChat.PowerShell.Commands;

/// <summary>
/// Creates CometChat users. Every parameter binds from pipeline properties, so <c>Import-Csv users.csv |
/// New-CometChatUser</c> provisions a whole file, several requests at a time, in input order.
/// </summary>
[Cmdlet(VerbsCommon.New, "CometChatUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(CometChatUser))]
public sealed class NewCometChatUserCommand : CometChatBulkCmdlet<NewUserOutcome>
{
    /// <summary>Unique id: 1-100 letters, digits, dashes, underscores (stored lowercase).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("UserId")]
    [UidTransformation]
    [AllowEmptyString]
    public string Uid { get; set; } = string.Empty;

    /// <summary>Display name, 1-100 characters.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("DisplayName", "FullName")]
    [AllowEmptyString]
    public string Name { get; set; } = string.Empty;

    /// <summary>Avatar image URL.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("AvatarUrl", "Picture")]
    public string? Avatar { get; set; }

    /// <summary>Profile page URL.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ProfileUrl")]
    public string? Link { get; set; }

    /// <summary>An existing role; <c>default</c> when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.RoleCompleter))]
    public string? Role { get; set; }

    /// <summary>Status message.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? StatusMessage { get; set; }

    /// <summary>Metadata: a hashtable, an object, or JSON object text (a CSV cell).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public object? Metadata { get; set; }

    /// <summary>Up to 25 tags; a CSV cell holds them as <c>a;b;c</c>.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Tag")]
    [ArgumentCompleter(typeof(Completion.TagCompleter))]
    public string[]? Tags { get; set; }

    /// <summary>Also issue a login token; it is on the output's AuthToken property.</summary>
    [Parameter]
    public SwitchParameter WithAuthToken { get; set; }

    /// <summary>What to do when the uid exists: Error (default), Skip it, or Update it with the given properties.</summary>
    [Parameter]
    public IfExistsAction IfExists { get; set; } = IfExistsAction.Error;

    /// <summary>With -WhatIf, output the user that would be created.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The piped record, kept as the target of its error.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    // The last 4,096 distinct uids of the input, not all of them, so that memory stays flat however long the
    // input: a uid repeated farther back is sent, and CometChat answers ERR_UID_ALREADY_EXISTS for that row.
    private readonly RecentUids _firstRowOf = new(4096);

    /// <inheritdoc />
    protected override string ProgressActivity => "Creating CometChat users";

    /// <inheritdoc />
    protected override void CountSuccess(NewUserOutcome result)
    {
        switch (result.Kind)
        {
            case NewUserOutcomeKind.Created: Summary.Created++; break;
            case NewUserOutcomeKind.Updated: Summary.Updated++; break;
            default: Summary.Skipped++; break;
        }
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        BeginRecord();
        object target = InputObject ?? (object)Uid;
        var problems = new List<FieldProblem>();
        var metadata = InputConversion.Metadata(Metadata, problems);
        var user = new NewUser
        {
            Uid = Uid,
            Name = Name,
            Avatar = InputConversion.Text(Avatar),
            Link = InputConversion.Text(Link),
            Role = InputConversion.Text(Role)?.Trim(),
            StatusMessage = InputConversion.Text(StatusMessage),
            Metadata = metadata,
            Tags = InputConversion.Tags(Tags, IsTextCell(InputObject, nameof(Tags), "Tag")),
            WithAuthToken = WithAuthToken ? true : null,
        };

        // Everything CometChat would refuse is refused here, before a request: a bad row costs its error, no call.
        // The request is built (and its body checked) once: -WhatIf shows it and the client sends it.
        var request = CometChatRequests.CreateUser(user);
        problems.AddRange(request.Problems);
        if (problems.Count == 0)
        {
            AddIfAny(problems, UnknownRole(user.Role));
            // Whatever -IfExists says: two rows for one user in one input are a mistake in the input, and letting
            // either win silently would hide it.
            AddIfAny(problems, EarlierRowWith(user.Uid));
        }
        if (problems.Count > 0)
        {
            RejectInput(problems, target, InputObject is not null);
            return;
        }

        if (!ShouldSend("Create CometChat user", user.Uid, request))
        {
            if (PassThru && IsWhatIf)
            {
                WriteObject(UserInput.Preview(user));
            }
            return;
        }

        var ifExists = IfExists;
        Submit(target, user.Uid, (client, token) => CreateAsync(client, request, user, ifExists, token), outcome =>
        {
            if (outcome.Kind == NewUserOutcomeKind.Skipped)
            {
                WriteVerbose($"User '{user.Uid}' already exists; skipped.");
                return;
            }
            WriteObject(outcome.User);
        });
    }

    /// <summary>
    /// A problem when a recent row of this input has the same uid, ignoring case: CometChat stores uids in
    /// lowercase, so <c>Alice</c> and <c>alice</c> are one user and the second row would fail as a duplicate.
    /// </summary>
    private FieldProblem? EarlierRowWith(string uid)
    {
        if (!_firstRowOf.TryGetValue(uid, out var first))
        {
            _firstRowOf.Add(uid, RecordNumber);
            return null;
        }
        var spelled = first.Uid == uid ? string.Empty : $" (as '{first.Uid}'; uids are case-insensitive and stored lowercase)";
        return new FieldProblem("uid", $"The uid {uid.ToLowerInvariant()} already exists: row {first.Row} of this input has it{spelled}. A user may have one row per input, whatever -IfExists says; merge the two rows.",
            ErrorCodes.UidAlreadyExists);
    }

    private static void AddIfAny(List<FieldProblem> problems, FieldProblem? problem)
    {
        if (problem is not null)
        {
            problems.Add(problem);
        }
    }

    private static async Task<NewUserOutcome> CreateAsync(CometChatClient client, PreparedRequest<CometChatUser> request, NewUser user, IfExistsAction ifExists, CancellationToken token)
    {
        try
        {
            return new NewUserOutcome(await client.CreateUserAsync(request, user, token).ConfigureAwait(false), NewUserOutcomeKind.Created);
        }
        catch (CometChatApiException exists) when (exists.ErrorCode == ErrorCodes.UidAlreadyExists && ifExists != IfExistsAction.Error)
        {
            if (ifExists == IfExistsAction.Skip)
            {
                return new NewUserOutcome(null, NewUserOutcomeKind.Skipped);
            }
            var updated = await client.SendAsync(CometChatRequests.UpdateUser(user.Uid, UserInput.ToUpdate(user)), token).ConfigureAwait(false);
            if (user.WithAuthToken == true)
            {
                updated.AuthToken = (await client.CreateAuthTokenAsync(updated.Uid, force: false, token).ConfigureAwait(false)).Token;
            }
            return new NewUserOutcome(updated, NewUserOutcomeKind.Updated);
        }
    }
}
