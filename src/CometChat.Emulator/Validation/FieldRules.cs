using System.Text.RegularExpressions;

namespace CometChat.Emulator.Validation;

/// <summary>The contract's field rules (§8) and their messages (#2), shared by users and roles.</summary>
public static partial class FieldRules
{
    /// <summary>Maximum serialized size of metadata.</summary>
    public const int MaxMetadataBytes = 5120;

    [GeneratedRegex("^[a-zA-Z0-9_-]+$")]
    private static partial Regex AlphaDash();

    /// <summary>True for a string that is missing in the Laravel sense: empty or only whitespace.</summary>
    public static bool IsBlank(string? value) => string.IsNullOrWhiteSpace(value);

    /// <summary>uid or role id: required, alpha-dash, at most 100 characters.</summary>
    public static void Identifier(ValidationErrors errors, string field, string? value)
    {
        if (IsBlank(value))
        {
            errors.Add(field, $"The {field} field is required.");
            return;
        }
        if (!AlphaDash().IsMatch(value!))
        {
            errors.Add(field, $"The {field} may only contain letters, numbers, dashes and underscores.");
        }
        MaxLength(errors, field, value, 100);
    }

    /// <summary>True when a string is a valid uid (used to sort bulk input without a 400).</summary>
    public static bool IsIdentifier(string value) => value.Length is > 0 and <= 100 && AlphaDash().IsMatch(value);

    /// <summary>Adds "may not be greater than N characters" when too long.</summary>
    public static void MaxLength(ValidationErrors errors, string field, string? value, int max)
    {
        if (value is not null && JsonBody.Length(value) > max)
        {
            errors.Add(field, $"The {field} may not be greater than {max} characters.");
        }
    }

    /// <summary>A required text field (create): present, non-blank, at most <paramref name="max"/> characters.</summary>
    public static void RequiredText(ValidationErrors errors, string field, string? value, int max)
    {
        if (IsBlank(value))
        {
            errors.Add(field, $"The {field} field is required.");
            return;
        }
        MaxLength(errors, field, value, max);
    }

    /// <summary>A URL field: absolute http(s) URL of at most 3000 characters.</summary>
    public static void Url(ValidationErrors errors, string field, string? value)
    {
        if (value is null)
        {
            return;
        }
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host)
            || value.Any(char.IsWhiteSpace))
        {
            errors.Add(field, $"The {field} must be a valid URL.");
        }
        MaxLength(errors, field, value, 3000);
    }

    /// <summary>Tags: at most 25, each 1..100 characters; failures keyed <c>tags.N</c>.</summary>
    public static void Tags(ValidationErrors errors, List<string>? tags)
    {
        if (tags is null)
        {
            return;
        }
        if (tags.Count > 25)
        {
            errors.Add("tags", "The tags may not have more than 25 items.");
        }
        for (var i = 0; i < tags.Count; i++)
        {
            var key = $"tags.{i}";
            if (errors.ContainsKey(key))
            {
                continue; // already reported as the wrong type
            }
            if (IsBlank(tags[i]))
            {
                errors.Add(key, $"The {key} field is required.");
            }
            else
            {
                MaxLength(errors, key, tags[i], 100);
            }
        }
    }

    /// <summary>Metadata: a JSON object of at most 5120 bytes serialized; returns the compact text.</summary>
    public static string? Metadata(ValidationErrors errors, string field, JsonElement? value)
    {
        if (value is not { } element)
        {
            return null;
        }
        var compact = JsonBody.Compact(element);
        if (System.Text.Encoding.UTF8.GetByteCount(compact) > MaxMetadataBytes)
        {
            errors.Add(field, $"The {field} may not be greater than {MaxMetadataBytes} bytes.");
            return null;
        }
        return compact == "{}" ? null : compact;
    }

    /// <summary><c>unset</c>: each item must be one of <paramref name="allowed"/>.</summary>
    public static HashSet<string> Unset(ValidationErrors errors, List<string>? unset, params string[] allowed)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (unset?.Count ?? 0); i++)
        {
            var key = $"unset.{i}";
            if (errors.ContainsKey(key))
            {
                continue;
            }
            if (allowed.Contains(unset![i], StringComparer.Ordinal))
            {
                result.Add(unset[i]);
            }
            else
            {
                errors.Add(key, $"The selected {key} is invalid. Allowed: {string.Join(", ", allowed)}.");
            }
        }
        return result;
    }
}
