using CometChat.Client.Sync;
using CometChat.Client.Validation;

namespace CometChat.PowerShell.Commands;

/// <summary>What a sync does with users in scope that no source row names.</summary>
public enum MissingUserAction
{
    /// <summary>Leave them alone.</summary>
    Keep,

    /// <summary>Deactivate them (reversible with Enable-CometChatUser).</summary>
    Deactivate,

    /// <summary>Delete them for good.</summary>
    Delete,
}

/// <summary>
/// Shared by Compare- and Sync-CometChatUser: binds source rows exactly as New-CometChatUser does, reads the app once,
/// and plans one action per user (<see cref="UserPlanner"/>). Rows that can't be applied (a bad uid or field, a uid
/// repeated in the input) are errors for their row, and the uids they name are never treated as leavers.
/// </summary>
public abstract class UserSyncCmdlet : CometChatBulkCmdlet<SyncStep>
{
    private readonly Dictionary<string, int> _rowOf = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _changeIndex = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<CometChatUserChange?> _changes = new();
    private readonly List<CometChatUserChange> _planned = new();
    private readonly HashSet<string> _unchanged = new(StringComparer.OrdinalIgnoreCase);
    private AppSnapshot? _snapshot;

    /// <summary>The user a row is about; surrounding spaces are ignored, and uids are case-insensitive.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("UserId")]
    [UidTransformation]
    [AllowEmptyString]
    public string Uid { get; set; } = string.Empty;

    /// <summary>Display name (needed to create a user).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("DisplayName", "FullName")]
    [AllowEmptyString]
    public string? Name { get; set; }

    /// <summary>Avatar URL; an empty cell clears it.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("AvatarUrl", "Picture")]
    [AllowEmptyString]
    public string? Avatar { get; set; }

    /// <summary>Profile URL; an empty cell clears it.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ProfileUrl")]
    [AllowEmptyString]
    public string? Link { get; set; }

    /// <summary>Role; an empty cell means <c>default</c>.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.RoleCompleter))]
    [AllowEmptyString]
    public string? Role { get; set; }

    /// <summary>Status message; an empty cell clears it.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string? StatusMessage { get; set; }

    /// <summary>Metadata (JSON object text, a hashtable or an object); an empty cell clears it.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    public object? Metadata { get; set; }

    /// <summary>Tags (a cell holds <c>a;b</c>); compared as a set; an empty cell clears them.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Tag")]
    [AllowEmptyCollection]
    [AllowNull]
    public string[]? Tags { get; set; }

    /// <summary>When the user was deactivated: a non-empty cell means the user is deactivated (a backup's column).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    public object? DeactivatedAt { get; set; }

    /// <summary>What happens to users in scope that no row names: Keep (default), Deactivate or Delete.</summary>
    [Parameter]
    public MissingUserAction Missing { get; set; } = MissingUserAction.Keep;

    /// <summary>The tag that marks the users this source owns: given to every user created or updated; only users carrying it are candidates for -Missing.</summary>
    [Parameter]
    [ValidateFilter]
    [ValidateLength(1, 100)]
    public string? Scope { get; set; }

    /// <summary>The most users a run may deactivate or delete (default 100); more stops the command before any write.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int MaxRemovalCount { get; set; } = 100;

    /// <summary>Also output the users that already match (Action None).</summary>
    [Parameter]
    public SwitchParameter IncludeEqual { get; set; }

    /// <summary>The piped row (kept as its change's InputObject and its error's target), or a change from Compare-CometChatUser.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>The app as read at the start: its users, and how many list requests that took.</summary>
    internal AppSnapshot Snapshot => _snapshot ??= AppSnapshot.Read(this, WriteProgress);

    /// <summary>Whether the input is a plan from Compare-CometChatUser rather than source rows.</summary>
    protected bool ApplyingPlan => _planned.Count > 0;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        Summary.BySyncAction = true;
    }

    /// <inheritdoc />
    protected override void CountSuccess(SyncStep result)
    {
        foreach (var (_, outcome) in result.Outcomes)
        {
            switch (outcome)
            {
                case SyncStep.Created: Summary.Created++; break;
                case SyncStep.Updated: Summary.Updated++; break;
                case SyncStep.Reactivated: Summary.Reactivated++; break;
                case SyncStep.Deactivated: Summary.Deactivated++; break;
                case SyncStep.Deleted: Summary.Deleted++; break;
            }
        }
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        BeginRecord();
        if (InputObject?.BaseObject is CometChatUserChange planned)
        {
            _planned.Add(planned);
            return;
        }
        var target = InputObject ?? (object)Uid;
        var uid = Uid.ToLowerInvariant();
        if (_rowOf.TryGetValue(uid, out var firstRow))
        {
            // Which row is right can't be known: the user is left as it is, and the repeat is reported.
            if (_changeIndex.TryGetValue(uid, out var index))
            {
                _changes[index] = null;
            }
            _unchanged.Remove(uid);
            RejectInput(new[] { new FieldProblem("uid", $"The uid {uid} is repeated: row {firstRow} of this input has it too (uids are case-insensitive). The user is left as it is; give it one row.", ErrorCodes.UidAlreadyExists) },
                target, InputObject is not null);
            return;
        }
        _rowOf[uid] = RecordNumber;
        if (InputRules.Identifier("uid", Uid) is { } badUid)
        {
            RejectInput(new[] { badUid }, target, InputObject is not null);
            return;
        }
        var problems = new List<FieldProblem>();
        var desired = ReadRow(uid, problems);
        PlannedChange? plan = null;
        PreparedRequest? request = null;
        if (problems.Count == 0)
        {
            // The request is built (and checked) once, here: the plan shows it and Sync sends it.
            plan = UserPlanner.Plan(desired, Snapshot.Find(uid), Scope);
            request = RequestFor(plan);
            problems.AddRange(request?.Problems ?? Array.Empty<FieldProblem>());
        }
        if (problems.Count == 0 && UnknownRole(plan!.Create?.Role ?? plan.Update?.Role) is { } unknownRole)
        {
            problems.Add(unknownRole);
        }
        if (problems.Count > 0)
        {
            RejectInput(problems, target, InputObject is not null);
            return;
        }
        if (plan!.Action == SyncAction.None)
        {
            _unchanged.Add(uid);
            if (!IncludeEqual)
            {
                return;
            }
        }
        _changeIndex[uid] = _changes.Count;
        _changes.Add(new CometChatUserChange(plan, InputObject, request));
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var changes = ApplyingPlan ? CheckedPlan() : _changes.OfType<CometChatUserChange>().Concat(Leavers()).ToList();
        Summary.Unchanged = _unchanged.Count;
        var removals = changes.Count(change => change.Action is SyncAction.Deactivate or SyncAction.Delete);
        if (removals > MaxRemovalCount)
        {
            OnTooManyRemovals(removals);
        }
        Complete(changes);
        base.EndProcessing();
    }

    /// <summary>Counts a plan's actions in the summary, for a plan that is shown rather than applied.</summary>
    protected void CountPlanned(IEnumerable<CometChatUserChange> changes)
    {
        foreach (var change in changes)
        {
            switch (change.Action)
            {
                case SyncAction.Create: Summary.Created++; break;
                case SyncAction.Update: Summary.Updated++; break;
                case SyncAction.Reactivate: Summary.Reactivated++; break;
                case SyncAction.Deactivate: Summary.Deactivated++; break;
                case SyncAction.Delete: Summary.Deleted++; break;
            }
        }
    }

    /// <summary>Called when the plan would deactivate or delete more users than -MaxRemovalCount allows.</summary>
    protected abstract void OnTooManyRemovals(int removals);

    /// <summary>Does what the command does with the plan (output it, or apply it).</summary>
    protected abstract void Complete(IReadOnlyList<CometChatUserChange> changes);

    /// <summary>The message of the removal guard.</summary>
    protected string TooManyRemovals(int removals)
        => $"This plan would deactivate or delete {removals} users, more than -MaxRemovalCount {MaxRemovalCount}. Nothing was written. "
            + "If the source is complete and this is meant, run again with -MaxRemovalCount " + removals + " or more; if the source is empty or truncated, fix it first (Compare-CometChatUser lists the users).";

    private IEnumerable<CometChatUserChange> Leavers()
    {
        if (Missing == MissingUserAction.Keep)
        {
            return Enumerable.Empty<CometChatUserChange>();
        }
        var action = Missing == MissingUserAction.Delete ? SyncAction.Delete : SyncAction.Deactivate;
        return Snapshot.Users.Values
            .Where(user => !_rowOf.ContainsKey(user.Uid) && (Scope is null || user.HasTag(Scope)))
            .Where(user => action == SyncAction.Delete || !user.Deactivated)
            .Select(user => UserPlanner.Missing(user, action))
            .Select(plan => new CometChatUserChange(plan, null, RequestFor(plan)))
            .ToList();
    }

    /// <summary>A plan from Compare-CometChatUser, each change checked against the app as it is now.</summary>
    private List<CometChatUserChange> CheckedPlan()
    {
        var current = new List<CometChatUserChange>();
        foreach (var change in _planned.Where(change => change.Action != SyncAction.None))
        {
            if (change.Plan.StillMatches(Snapshot.Find(change.Uid)))
            {
                current.Add(change);
                continue;
            }
            CountFailure();
            WriteError(new ErrorRecord(new InvalidOperationException($"User {change.Uid} changed since the plan was made; its change was not applied. Run Compare-CometChatUser again."),
                "CometChatPlanOutdated", ErrorCategory.InvalidData, change));
        }
        return current;
    }

    /// <summary>
    /// The one request of a change that is sent for its user alone: the create, the update (also before a
    /// deactivation or after a reactivation), or the delete. Null when the change goes in a batch, or none.
    /// </summary>
    private static PreparedRequest? RequestFor(PlannedChange plan) => plan switch
    {
        { Action: SyncAction.Create, Create: { } create } => CometChatRequests.CreateUser(create),
        { Action: SyncAction.Delete } => CometChatRequests.DeleteUser(plan.Uid, permanent: true),
        { Update: { } update } => CometChatRequests.UpdateUser(plan.Uid, update),
        _ => null,
    };

    private DesiredUser ReadRow(string uid, List<FieldProblem> problems)
    {
        var desired = new DesiredUser
        {
            Uid = uid,
            Name = Name,
            Avatar = InputConversion.Text(Avatar),
            Link = InputConversion.Text(Link),
            Role = InputConversion.Text(Role)?.Trim(),
            StatusMessage = InputConversion.Text(StatusMessage),
            Metadata = InputConversion.Metadata(Metadata, problems),
            Tags = InputConversion.Tags(Tags, IsTextCell(InputObject, nameof(Tags), "Tag")),
            Deactivated = DeactivatedAt is not null && !(DeactivatedAt is string text && text.Trim().Length == 0)
                && !(DeactivatedAt is PSObject { BaseObject: string wrapped } && wrapped.Trim().Length == 0),
        };
        desired.Given = Given(UserFields.Name, nameof(Name), "DisplayName", "FullName")
            | Given(UserFields.Avatar, nameof(Avatar), "AvatarUrl", "Picture")
            | Given(UserFields.Link, nameof(Link), "ProfileUrl")
            | Given(UserFields.Role, nameof(Role))
            | Given(UserFields.StatusMessage, nameof(StatusMessage))
            | Given(UserFields.Metadata, nameof(Metadata))
            | Given(UserFields.Tags, nameof(Tags), "Tag")
            | Given(UserFields.Deactivated, nameof(DeactivatedAt));
        return desired;
    }

    /// <summary>The field when the row has its column (any of its names) or the command line gives it; the source is authoritative for those.</summary>
    private UserFields Given(UserFields field, string parameter, params string[] aliases)
    {
        if (GivenOnCommandLine(parameter))
        {
            return field;
        }
        return InputObject is { } row && (row.Properties[parameter] is not null || aliases.Any(alias => row.Properties[alias] is not null)) ? field : UserFields.None;
    }
}
