using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace CometChat.Emulator.Validation;

/// <summary>Reads query parameters; bad values become validation errors. Unknown parameters are ignored (#5).</summary>
public sealed class QueryReader(IQueryCollection query)
{
    /// <summary>Problems found so far.</summary>
    public ValidationErrors Errors { get; } = new();

    /// <summary>The last non-empty value of a parameter, or null.</summary>
    public string? String(string name)
    {
        var values = Get(name);
        for (var i = values.Count - 1; i >= 0; i--)
        {
            if (!string.IsNullOrEmpty(values[i]))
            {
                return values[i];
            }
        }
        return null;
    }

    /// <summary>A boolean: true/false/1/0 (any case); empty or absent is false.</summary>
    public bool Bool(string name)
    {
        var value = String(name);
        if (value is null)
        {
            return false;
        }
        switch (value.Trim().ToLowerInvariant())
        {
            case "true" or "1":
                return true;
            case "false" or "0":
                return false;
            default:
                Errors.Add(name, $"The {name} field must be true or false.");
                return false;
        }
    }

    /// <summary>An integer within bounds, or the default when absent.</summary>
    public int Int(string name, int defaultValue, int min, int max)
    {
        var value = String(name);
        if (value is null)
        {
            return defaultValue;
        }
        if (!int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            Errors.Add(name, $"The {name} must be an integer.");
            return defaultValue;
        }
        if (n < min || n > max)
        {
            Errors.Add(name, max == int.MaxValue
                ? $"The {name} must be at least {min}."
                : $"The {name} must be between {min} and {max}.");
            return defaultValue;
        }
        return n;
    }

    /// <summary>A list given comma-separated and/or as repeated keys; blanks dropped (#5).</summary>
    public List<string> List(string name)
    {
        var result = new List<string>();
        foreach (var value in Get(name))
        {
            foreach (var part in (value ?? "").Split(','))
            {
                var item = part.Trim();
                if (item.Length > 0)
                {
                    result.Add(item);
                }
            }
        }
        return result;
    }

    /// <summary><c>perPage</c> (1..1000, default 100) and <c>page</c> (≥ 1, default 1), per decision #6.</summary>
    public (int PerPage, int Page) Paging() =>
        (Int("perPage", 100, 1, 1000), Int("page", 1, 1, int.MaxValue));

    private StringValues Get(string name)
    {
        // Parameter names are matched case-sensitively in the live API; ASP.NET Core is lenient, which is harmless.
        return query.TryGetValue(name, out var values) ? values : StringValues.Empty;
    }
}
