using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CometChat.Client.Models;
using CometChat.Client.Validation;
using CometChat.PowerShell.Infrastructure;

namespace CometChat.PowerShell.Commands;

/// <summary>
/// Changes CometChat users. A parameter that is not given (or an empty CSV cell) leaves that property alone;
/// <c>-Clear</c> clears properties. Binds from pipeline properties, so <c>Import-Csv | Set-CometChatUser</c> and
/// <c>Get-CometChatUser -Role trial | Set-CometChatUser -Role paid</c> work.
/// </summary>
[Cmdlet(VerbsCommon.Set, "CometChatUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(CometChatUser))]
public sealed class SetCometChatUserCommand : CometChatBulkCmdlet<CometChatUser?>
{
    /// <summary>The user to change: a uid, or any object with a Uid property.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("UserId", "Id")]
    [UidTransformation]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(Completion.UidCompleter))]
    public string Uid { get; set; } = string.Empty;

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
    [Alias("ProfileUrl", "Url")]
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

    /// <summary>The piped record, kept as the target of its error.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <inheritdoc />
    protected override string ProgressActivity => "Updating CometChat users";

    /// <inheritdoc />
    protected override void CountSuccess(CometChatUser? result) => Summary.Updated++;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        BeginRecord();
        object target = InputObject ?? (object)Uid;
        if (InputObject?.BaseObject is CometChatUser)
        {
            // A user from Get-CometChatUser carries every property; binding them all would write back the whole user
            // (and undo anyone's change made since it was read). Only what the command line says is changed.
            ForgetPipelineProperties();
        }
        var uid = Uid;
        var problems = new List<FieldProblem>();
        UserUpdate update = new();
        try
        {
            update = BuildUpdate();
        }
        catch (Exception error) when (error is FormatException or ArgumentException)
        {
            problems.Add(new FieldProblem("metadata", error.Message));
        }

        // Everything CometChat would refuse is refused here, before a request: a bad row costs its error, no call.
        if (InputRules.Identifier("uid", uid) is { } badUid)
        {
            problems.Insert(0, badUid);
        }
        problems.AddRange(InputRules.Check(update));
        if (problems.Count == 0 && UnknownRole(update.Role) is { } unknownRole)
        {
            problems.Add(unknownRole);
        }
        if (problems.Count > 0)
        {
            RejectInput(problems, target, InputObject is not null);
            return;
        }

        if (update.IsEmpty)
        {
            WriteVerbose($"User '{uid}': nothing to change.");
            Summary.Skipped++;
            return;
        }
        if (!ShouldSend("Update CometChat user", uid, "PUT", "/users/" + Uri.EscapeDataString(uid), update))
        {
            if (PassThru && IsWhatIf)
            {
                WriteObject(UserInput.Preview(uid, update));
            }
            return;
        }
        var passThru = PassThru.IsPresent;
        Submit(target, uid, (client, token) => client.UpdateUserAsync(uid, update, token)!, user =>
        {
            if (passThru)
            {
                WriteObject(user);
            }
        });
    }

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

    private UserUpdate BuildUpdate()
    {
        var clear = new HashSet<string>(Clear ?? Array.Empty<string>(), StringComparer.OrdinalIgnoreCase);
        var update = new UserUpdate
        {
            Name = InputConversion.Text(Name),
            Avatar = InputConversion.Text(Avatar),
            Link = InputConversion.Text(Link),
            Role = InputConversion.Text(Role),
            StatusMessage = clear.Contains("StatusMessage") ? string.Empty : InputConversion.Text(StatusMessage),
            Metadata = InputConversion.Metadata(Metadata),
            Tags = clear.Contains("Tags") ? new List<string>() : InputConversion.Tags(Tags),
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
