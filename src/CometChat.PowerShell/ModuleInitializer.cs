using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using CometChat.PowerShell.Emulator;

namespace CometChat.PowerShell;

/// <summary>
/// Runs when the module is imported and removed. Third-party assemblies live in <c>dependencies/</c> so they never
/// shadow another module's copies; this resolver loads them from there when the runtime can't find them itself
/// (on PowerShell 7 the runtime already has System.Text.Json and friends, on Windows PowerShell it has not).
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly string ModuleFolder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".";
    private static readonly string DependencyFolder = Path.Combine(ModuleFolder, "dependencies");

    /// <inheritdoc />
    public void OnImport() => AppDomain.CurrentDomain.AssemblyResolve += ResolveDependency;

    /// <inheritdoc />
    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        AppDomain.CurrentDomain.AssemblyResolve -= ResolveDependency;
        EmulatorProcess.StopAll();
    }

    private static Assembly? ResolveDependency(object? sender, ResolveEventArgs args)
    {
        var name = new AssemblyName(args.Name);
        foreach (var folder in new[] { ModuleFolder, DependencyFolder })
        {
            var candidate = Path.Combine(folder, name.Name + ".dll");
            if (File.Exists(candidate))
            {
                return Assembly.LoadFrom(candidate);
            }
        }
        return null;
    }
}
