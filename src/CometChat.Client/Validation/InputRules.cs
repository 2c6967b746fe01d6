using System.Globalization;
using System.Text.Json;
using CometChat.Client.Errors;
using CometChat.Client.Json;
using CometChat.Client.Models;

namespace CometChat.Client.Validation;

/// <summary>
/// The contract's field rules (§8), checked on the client before a request is built, with the messages CometChat
/// uses in its <c>details</c>. Two reasons: a file with a few bad rows costs those rows' errors and no wasted calls
/// (or rate-limit budget), and a value that would change the meaning of a URL (<c>../roles</c>, <c>a/b</c>,
/// <c>a?b=c</c>) never reaches the path of a request.
/// </summary>
public static class InputRules
{
    /// <summary>Longest uid, role id, name and tag, in characters.</summary>
    public const int MaxIdentifierLength = 100;

    /// <summary>Longest avatar or link URL, in characters.</summary>
    public const int MaxUrlLength = 3000;

    /// <summary>Most tags on a user.</summary>
    public const int MaxTags = 25;

    /// <summary>Largest metadata, in bytes of compact UTF-8 JSON.</summary>
    public const int MaxMetadataBytes = 5120;

    /// <summary>Longest role description, in characters.</summary>
    public const int MaxDescriptionLength = 255;

    /// <summary>Largest request body CometChat accepts.</summary>
    public const int MaxBodyBytes = 10240;

    private const int ShownValueLength = 60;

    /// <summary>
    /// A uid or role id: required, only ASCII letters, digits, <c>-</c> and <c>_</c>, at most 100 characters. The
    /// message names the first character that is not allowed, so a space or a look-alike letter (a Cyrillic а for
    /// an a) is visible.
    /// </summary>
    public static FieldProblem? Identifier(string field, string? value)
    {
        if (value is null || value.Trim().Length == 0)
        {
            return new FieldProblem(field, $"The {field} field is required.");
        }
        for (var i = 0; i < value.Length; i++)
        {
            if (!IsIdentifierChar(value[i]))
            {
                return new FieldProblem(field,
                    $"The {field} may only contain letters, numbers, dashes and underscores; {Show(value)} has {DescribeChar(value, i)} at position {i + 1}.");
            }
        }
        if (value.Length > MaxIdentifierLength)
        {
            return new FieldProblem(field, $"The {field} may not be greater than {MaxIdentifierLength} characters; it has {value.Length}.");
        }
        return null;
    }

    /// <summary>
    /// One path segment of a request: the value must follow the identifier rule (uids, role ids, auth tokens all
    /// do), then it is escaped. Throws <see cref="CometChatValidationException"/> otherwise.
    /// </summary>
    public static string PathSegment(string field, string? value)
    {
        if (Identifier(field, value) is { } problem)
        {
            throw new CometChatValidationException(new[] { problem });
        }
        return Uri.EscapeDataString(value!);
    }

    /// <summary>Every rule a new user breaks (empty when it is valid).</summary>
    public static IReadOnlyList<FieldProblem> Check(NewUser user) => Check(user, bodyBytes: null);

    /// <summary>
    /// Every rule a new user breaks, when the caller has serialized it already (<paramref name="bodyBytes"/> is
    /// the length of the request body), so it isn't serialized again to measure it.
    /// </summary>
    public static IReadOnlyList<FieldProblem> Check(NewUser user, int? bodyBytes)
    {
        var problems = new List<FieldProblem>();
        Add(problems, Identifier("uid", user.Uid));
        Add(problems, RequiredText("name", user.Name));
        CheckCommon(problems, user.Avatar, user.Link, user.Role, user.Metadata, user.Tags);
        if (problems.Count == 0)
        {
            Add(problems, BodySize(bodyBytes ?? CometChatJson.Serialize(user).Length));
        }
        return problems;
    }

    /// <summary>Every rule an update breaks (empty when it is valid).</summary>
    public static IReadOnlyList<FieldProblem> Check(UserUpdate update)
    {
        var problems = new List<FieldProblem>();
        if (update.Name is not null)
        {
            Add(problems, update.Name.Trim().Length == 0
                ? new FieldProblem("name", "The name field must have a value.")
                : MaxLength("name", update.Name, MaxIdentifierLength));
        }
        CheckCommon(problems, update.Avatar, update.Link, update.Role, update.Metadata, update.Tags);
        if (problems.Count == 0)
        {
            Add(problems, BodySize(CometChatJson.Serialize(update).Length));
        }
        return problems;
    }

    /// <summary>Every rule a new role breaks (empty when it is valid).</summary>
    public static IReadOnlyList<FieldProblem> Check(NewRole role)
    {
        var problems = new List<FieldProblem>();
        Add(problems, Identifier("role", role.Role));
        Add(problems, RequiredText("name", role.Name));
        CheckRoleCommon(problems, role.Description, role.Metadata);
        return problems;
    }

    /// <summary>Every rule a role update breaks (empty when it is valid).</summary>
    public static IReadOnlyList<FieldProblem> Check(RoleUpdate update)
    {
        var problems = new List<FieldProblem>();
        if (update.Name is not null)
        {
            Add(problems, update.Name.Trim().Length == 0
                ? new FieldProblem("name", "The name field must have a value.")
                : MaxLength("name", update.Name, MaxIdentifierLength));
        }
        CheckRoleCommon(problems, update.Description, update.Metadata);
        return problems;
    }

    /// <summary>Length in characters as CometChat counts them (a character outside the BMP counts once).</summary>
    public static int Length(string value) => value.Length - value.Count(char.IsLowSurrogate);

    private static void CheckCommon(List<FieldProblem> problems, string? avatar, string? link, string? role, CometChatMetadata? metadata, IList<string>? tags)
    {
        Add(problems, Url("avatar", avatar));
        Add(problems, Url("link", link));
        if (role is not null && Identifier("role", role) is not null)
        {
            // No such role can exist; CometChat answers this with its not-found code, and so do we.
            problems.Add(new FieldProblem("role", $"The role {Show(role)} does not exist: role ids only contain letters, numbers, dashes and underscores.", ErrorCodes.RoleNotFound));
        }
        Add(problems, MetadataSize(metadata));
        if (tags is not null)
        {
            if (tags.Count > MaxTags)
            {
                problems.Add(new FieldProblem("tags", $"The tags may not have more than {MaxTags} items; there are {tags.Count}."));
            }
            for (var i = 0; i < tags.Count; i++)
            {
                Add(problems, RequiredText($"tags.{i}", tags[i]));
            }
        }
    }

    private static void CheckRoleCommon(List<FieldProblem> problems, string? description, CometChatMetadata? metadata)
    {
        if (description is not null)
        {
            Add(problems, MaxLength("description", description, MaxDescriptionLength));
        }
        Add(problems, MetadataSize(metadata));
    }

    private static FieldProblem? MetadataSize(CometChatMetadata? metadata)
    {
        if (metadata is null)
        {
            return null;
        }
        var bytes = JsonSerializer.SerializeToUtf8Bytes(metadata, CometChatJson.Options).Length;
        return bytes > MaxMetadataBytes
            ? new FieldProblem("metadata", $"The metadata may not be greater than {MaxMetadataBytes} bytes; it has {bytes}.")
            : null;
    }

    private static FieldProblem? RequiredText(string field, string? value)
        => value is null || value.Trim().Length == 0
            ? new FieldProblem(field, $"The {field} field is required.")
            : MaxLength(field, value, MaxIdentifierLength);

    private static FieldProblem? MaxLength(string field, string value, int max)
    {
        var length = Length(value);
        return length > max ? new FieldProblem(field, $"The {field} may not be greater than {max} characters; it has {length}.") : null;
    }

    private static FieldProblem? Url(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host)
            || value.Any(char.IsWhiteSpace))
        {
            return new FieldProblem(field, $"The {field} must be a valid URL (absolute http or https); {Show(value)} is not.");
        }
        return MaxLength(field, value, MaxUrlLength);
    }

    private static FieldProblem? BodySize(int bytes)
    {
        return bytes > MaxBodyBytes
            ? new FieldProblem("body", $"The request body may not be greater than {MaxBodyBytes} bytes; this one has {bytes}. Shorten the metadata or the URLs.", ErrorCodes.PayloadTooLarge)
            : null;
    }

    private static void Add(List<FieldProblem> problems, FieldProblem? problem)
    {
        if (problem is not null)
        {
            problems.Add(problem);
        }
    }

    private static bool IsIdentifierChar(char c)
        => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_';

    /// <summary>A value for a message: quoted, control characters escaped, long values cut.</summary>
    private static string Show(string value)
    {
        var shown = value.Length > ShownValueLength ? value.Substring(0, ShownValueLength) + "…" : value;
        var escaped = string.Concat(shown.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        return "'" + escaped + "'";
    }

    private static string DescribeChar(string value, int index)
    {
        var c = value[index];
        var code = char.IsSurrogatePair(value, index) ? char.ConvertToUtf32(value, index) : c;
        var name = c switch
        {
            _ when char.IsSurrogate(c) && code == c => "an unpaired surrogate",
            ' ' => "a space",
            '\t' => "a tab",
            '\r' or '\n' => "a line break",
            _ when char.IsWhiteSpace(c) => "a whitespace character",
            _ when char.IsControl(c) => "a control character",
            _ => "'" + (code > 0xFFFF ? char.ConvertFromUtf32(code) : c.ToString()) + "'",
        };
        return string.Format(CultureInfo.InvariantCulture, "{0} (U+{1:X4})", name, code);
    }
}
