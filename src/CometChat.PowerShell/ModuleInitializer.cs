using System.IO;
using System.Reflection;
using CometChat.PowerShell.Emulator;

namespace CometChat.PowerShell;

/// <summary>
/// Runs when the module is imported and removed. Third-party assemblies live in <c>dependencies/</c> so they never
/// shadow another module's copies; DependencyResolver decides where one comes from when the runtime can't find it itself
/// (on PowerShell 7 the runtime already has System.Text.Json and friends, on Windows PowerShell it has not).
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly DependencyResolver Resolver = new(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".");

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
        var decision = Resolver.Decide(new AssemblyName(args.Name), AppDomain.CurrentDomain.GetAssemblies());
        return decision.Loaded ?? (decision.Path is null ? null : Assembly.LoadFrom(decision.Path));
    }
}
