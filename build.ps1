<#
.SYNOPSIS
    Builds, tests, demonstrates and benchmarks CometChat.PowerShell.
.DESCRIPTION
    Build  assembles output/CometChat.PowerShell/<version>/: the module dlls, dependencies/, emulator/, en-US/ help,
           the manifest and the format file. Tests import that folder, never the source tree.
    Test   builds, then runs every xunit and Pester test. Exits non-zero on any failure; the last line is
           "N passed, N failed" over both.
    Demo   builds, starts the local emulator, provisions examples/users.csv, lists, updates and removes a user.
    Bench  builds, then runs the benchmarks (the emulator's, module import time, bulk provisioning, the soak, the sync) and writes
           their results as JSON under output/bench/.
    Package  builds, then writes output/packages/CometChat.PowerShell.<version>.nupkg, installable with
           Install-PSResource from any repository it is published to.
    Mutate  runs Stryker.NET (stryker-config.json) on src/CometChat.Client against its xunit tests, writes the
           report under output/mutation/client/ and prints the mutation score. Slow (tens of minutes); see docs/mutation.md.
    MutateModule  the scripted mutation check of tests/mutation/Mutations.psd1: breaks each listed behaviour of the
           cmdlets, emulator and client, builds, runs the tests named for it and fails unless they fail.
    Clean  removes output/ and every bin/ and obj/ folder.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Bench', 'Package', 'Mutate', 'MutateModule', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Set-Location -LiteralPath $PSScriptRoot

$output = Join-Path $PSScriptRoot 'output'
# The manifest's ModuleVersion is the one version (Directory.Build.props stamps it into the assemblies).
$version = (Import-PowerShellDataFile (Join-Path $PSScriptRoot 'CometChat.PowerShell.psd1')).ModuleVersion
$moduleRoot = Join-Path $output "CometChat.PowerShell/$version"

function Invoke-Native {
    # Runs a native command line (a script block) and stops the build when it fails.
    param([Parameter(Mandatory)][scriptblock] $Command)
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$Command failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
    Write-Host "Building CometChat.PowerShell $version ($Configuration)" -ForegroundColor Cyan
    Invoke-Native { dotnet build CometChat.PowerShell.sln -c $Configuration --nologo -v quiet -clp:ErrorsOnly }

    if (Test-Path $moduleRoot) { Remove-Item $moduleRoot -Recurse -Force }
    $dependencies = New-Item -ItemType Directory -Force (Join-Path $moduleRoot 'dependencies')

    # The module's own assemblies at the root; everything else (third-party, netstandard2.0) under dependencies/,
    # where the module's resolver finds whatever the running PowerShell does not already provide.
    $bin = "src/CometChat.PowerShell/bin/$Configuration/netstandard2.0"
    $own = 'CometChat.PowerShell.dll', 'CometChat.Client.dll', 'CometChat.PowerShell.xml', 'CometChat.Client.xml'
    foreach ($file in Get-ChildItem $bin -File) {
        if ($file.Name -in $own) { Copy-Item $file.FullName $moduleRoot }
        elseif ($file.Extension -eq '.dll' -and $file.Name -ne 'System.Management.Automation.dll') { Copy-Item $file.FullName $dependencies }
    }

    Copy-Item src/CometChat.PowerShell/CometChat.PowerShell.Format.ps1xml $moduleRoot
    Copy-Item CometChat.PowerShell.psd1, CHANGELOG.md $moduleRoot

    Invoke-Native { dotnet publish src/CometChat.Emulator/CometChat.Emulator.csproj -c $Configuration --no-build --nologo -v quiet -o (Join-Path $moduleRoot 'emulator') }

    if ((Test-Path docs/en-US) -and (Test-Path tools/ConvertTo-MamlHelp.ps1)) {
        & (Join-Path $PSScriptRoot 'tools/ConvertTo-MamlHelp.ps1') -Source docs/en-US -Destination (Join-Path $moduleRoot 'en-US') -ModuleName CometChat.PowerShell
    }
    Write-Host "Module: $moduleRoot" -ForegroundColor Green
}

function Get-TrxCounts {
    # Passed and failed counts of one xunit run, read from its TRX report.
    param([string] $Path)
    $counters = ([xml](Get-Content -Raw $Path)).TestRun.ResultSummary.Counters
    [pscustomobject]@{ Passed = [int]$counters.passed; Failed = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout }
}

function Restore-Pester {
    # Pester 5.9.1 from NuGet (no PowerShell Gallery here): tools/Pester.proj restores it into output/tools/packages.
    Invoke-Native { dotnet restore tools/Pester.proj --nologo -v quiet }
}

function Invoke-Test {
    Invoke-Build
    $results = Join-Path $output 'test-results'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    $passed = 0; $failed = 0

    foreach ($project in 'tests/CometChat.Client.Tests', 'tests/CometChat.Emulator.Tests') {
        $name = Split-Path $project -Leaf
        Write-Host "xunit: $name" -ForegroundColor Cyan
        & dotnet test $project -c $Configuration --no-build --nologo -v quiet --results-directory $results --logger "trx;LogFileName=$name.trx" --logger 'console;verbosity=minimal'
        $trx = Join-Path $results "$name.trx"
        if (Test-Path $trx) {
            $counts = Get-TrxCounts $trx
            $passed += $counts.Passed; $failed += $counts.Failed
        }
        elseif ($LASTEXITCODE -ne 0) {
            Write-Host "$name did not run (exit code $LASTEXITCODE)." -ForegroundColor Red
            $failed += 1
        }
    }

    Write-Host 'Pester: tests/pester' -ForegroundColor Cyan
    Restore-Pester
    $pesterSummary = Join-Path $results 'pester-summary.json'
    & dotnet pwsh -NoProfile -NonInteractive -File tests/pester/Invoke-PesterTests.ps1 -ModulePath (Join-Path $moduleRoot 'CometChat.PowerShell.psd1') -SummaryPath $pesterSummary
    if (Test-Path $pesterSummary) {
        $pester = Get-Content -Raw $pesterSummary | ConvertFrom-Json
        $passed += $pester.Passed; $failed += $pester.Failed
    }
    else {
        Write-Host "Pester did not run (exit code $LASTEXITCODE)." -ForegroundColor Red
        $failed += 1
    }

    Write-Host "$passed passed, $failed failed"
    if ($failed -gt 0) { exit 1 }
}

function Invoke-Demo {
    Invoke-Build
    & dotnet pwsh -NoProfile -NonInteractive -File examples/demo.ps1 -ModulePath (Join-Path $moduleRoot 'CometChat.PowerShell.psd1')
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

function Invoke-Bench {
    Invoke-Build
    $benchOut = New-Item -ItemType Directory -Force (Join-Path $output 'bench')
    if (Test-Path tests/CometChat.Emulator.Bench) {
        Invoke-Native { dotnet run --project tests/CometChat.Emulator.Bench -c $Configuration --no-build -- --out $benchOut.FullName }
    }
    & dotnet pwsh -NoProfile -NonInteractive -File tests/bench/Measure-ImportTime.ps1 -ModulePath (Join-Path $moduleRoot 'CometChat.PowerShell.psd1') -OutDirectory $benchOut.FullName
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    & dotnet pwsh -NoProfile -NonInteractive -File tests/bench/Invoke-ProvisioningBench.ps1 -ModulePath (Join-Path $moduleRoot 'CometChat.PowerShell.psd1') -OutDirectory $benchOut.FullName
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    & dotnet pwsh -NoProfile -NonInteractive -File tests/bench/Invoke-SoakBench.ps1 -ModulePath (Join-Path $moduleRoot 'CometChat.PowerShell.psd1') -OutDirectory $benchOut.FullName
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    & dotnet pwsh -NoProfile -NonInteractive -File tests/bench/Invoke-SyncBench.ps1 -ModulePath (Join-Path $moduleRoot 'CometChat.PowerShell.psd1') -OutDirectory $benchOut.FullName
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

function Invoke-Package {
    Invoke-Build
    $package = & (Join-Path $PSScriptRoot 'tools/New-ModulePackage.ps1') -ModuleFolder $moduleRoot -OutputFolder (Join-Path $output 'packages')
    Write-Host "Package: $package" -ForegroundColor Green
}

function Invoke-Mutate {
    Invoke-Build
    $report = Join-Path $output 'mutation/client'
    if (Test-Path $report) { Remove-Item $report -Recurse -Force }
    # Stryker runs from the test project's folder (the repository's solution would put it in solution mode).
    Push-Location tests/CometChat.Client.Tests
    try {
        Invoke-Native { dotnet dotnet-stryker --config-file (Join-Path $PSScriptRoot 'stryker-config.json') --output $report }
    }
    finally {
        Pop-Location
    }
    $json = Get-ChildItem $report -Recurse -Filter mutation-report.json | Select-Object -First 1
    $statuses = (Get-Content -Raw $json.FullName | ConvertFrom-Json).files.PSObject.Properties.Value.mutants.status | Group-Object -AsHashTable -AsString
    $count = { param($status) if ($statuses -and $statuses.ContainsKey($status)) { $statuses[$status].Count } else { 0 } }
    $detected = (& $count 'Killed') + (& $count 'Timeout')
    $undetected = (& $count 'Survived') + (& $count 'NoCoverage')
    $score = if ($detected + $undetected) { 100.0 * $detected / ($detected + $undetected) } else { 0 }
    Write-Host ('Mutation score of src/CometChat.Client: {0:N2}% ({1} killed, {2} timed out, {3} survived, {4} not covered; {5} not compiled, {6} ignored)' -f $score,
        (& $count 'Killed'), (& $count 'Timeout'), (& $count 'Survived'), (& $count 'NoCoverage'), (& $count 'CompileError'), (& $count 'Ignored')) -ForegroundColor Green
    Write-Host "Report: $(Join-Path (Split-Path $json.FullName) 'mutation-report.html')"
}

function Invoke-MutateModule {
    # Each mutation runs Pester files or xunit filters against a rebuilt module; Pester must be there first.
    Restore-Pester
    & dotnet pwsh -NoProfile -NonInteractive -File tests/mutation/Invoke-ScriptedMutation.ps1 -Configuration $Configuration
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

function Invoke-Clean {
    if (Test-Path $output) { Remove-Item $output -Recurse -Force }
    Get-ChildItem src, tests -Directory -Recurse -Include bin, obj | Remove-Item -Recurse -Force
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Demo' { Invoke-Demo }
    'Bench' { Invoke-Bench }
    'Package' { Invoke-Package }
    'Mutate' { Invoke-Mutate }
    'MutateModule' { Invoke-MutateModule }
    'Clean' { Invoke-Clean }
}
