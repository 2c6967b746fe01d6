using System.IO;
using System.Reflection;

namespace CometChat.PowerShell;

/// <summary>
/// Decides where an assembly the runtime could not find comes from. The module keeps its third-party assemblies in
/// <c>dependencies/</c>, out of the way of other modules' copies; on Windows PowerShell 5.1 the runtime asks for
/// them (System.Text.Json, Polly, …) and this decides. The rules, in order:
/// <list type="number">
/// <item>Satellite resource assemblies (<c>*.resources</c>) are never ours: the runtime falls back to neutral resources.</item>
/// <item>System.Management.Automation is PowerShell's own; a copy must never be loaded next to it.</item>
/// <item>An assembly of that name already loaded, at the requested version or later, is reused (loading a second
/// copy would split its types in two).</item>
/// <item>Otherwise the module folder, then <c>dependencies/</c>, is searched for <c>Name.dll</c>; a file older than
/// the requested version is refused (it would fail later, further from the cause).</item>
/// <item>Anything else is left to other resolvers.</item>
/// </list>
/// Pure: the file system and the loaded assemblies come in as arguments, so each rule is unit-tested.
/// </summary>
public sealed class DependencyResolver
{
    private readonly string[] _folders;
    private readonly Func<string, bool> _fileExists;
    private readonly Func<string, Version?> _fileVersion;

    /// <summary>Creates a resolver over the module folder and its <c>dependencies/</c> folder.</summary>
    public DependencyResolver(string moduleFolder, Func<string, bool>? fileExists = null, Func<string, Version?>? fileVersion = null)
    {
        _folders = new[] { moduleFolder, Path.Combine(moduleFolder, "dependencies") };
        _fileExists = fileExists ?? File.Exists;
        _fileVersion = fileVersion ?? ReadVersion;
    }

    /// <summary>The decision for one request: what to use, and why.</summary>
    public sealed class Decision
    {
        internal Decision(string? path, Assembly? loaded, string reason)
        {
            Path = path;
            Loaded = loaded;
            Reason = reason;
        }

        /// <summary>The file to load, or null.</summary>
        public string? Path { get; }

        /// <summary>An already loaded assembly to use, or null.</summary>
        public Assembly? Loaded { get; }

        /// <summary>Why, in words.</summary>
        public string Reason { get; }

        /// <inheritdoc />
        public override string ToString() => Reason;
    }

    /// <summary>Decides for <paramref name="requested"/>, given the assemblies already loaded.</summary>
    public Decision Decide(AssemblyName requested, IEnumerable<Assembly> loadedAssemblies)
    {
        var name = requested.Name ?? string.Empty;
        if (name.Length == 0 || name.EndsWith(".resources", StringComparison.OrdinalIgnoreCase))
        {
            return new Decision(null, null, "a resource satellite: not resolved here");
        }
        if (string.Equals(name, "System.Management.Automation", StringComparison.OrdinalIgnoreCase))
        {
            return new Decision(null, null, "PowerShell's own assembly: never loaded from the module");
        }
        var wanted = requested.Version ?? new Version(0, 0);
        var loaded = loadedAssemblies.FirstOrDefault(a =>
            string.Equals(a.GetName().Name, name, StringComparison.OrdinalIgnoreCase) && (a.GetName().Version ?? new Version(0, 0)) >= wanted);
        if (loaded is not null)
        {
            return new Decision(null, loaded, $"already loaded at {loaded.GetName().Version}");
        }
        foreach (var folder in _folders)
        {
            var candidate = System.IO.Path.Combine(folder, name + ".dll");
            if (!_fileExists(candidate))
            {
                continue;
            }
            var version = _fileVersion(candidate);
            if (version is not null && version < wanted)
            {
                return new Decision(null, null, $"{candidate} is {version}, older than the requested {wanted}");
            }
            return new Decision(candidate, null, $"from {candidate}");
        }
        return new Decision(null, null, "not one of the module's assemblies");
    }

    private static Version? ReadVersion(string path)
    {
        try
        {
            return AssemblyName.GetAssemblyName(path).Version;
        }
        catch (Exception error) when (error is BadImageFormatException or IOException)
        {
            return null;
        }
    }
}
