<#
.SYNOPSIS
    Runs the Pester tests against the built module and writes the pass/fail counts as JSON.
.DESCRIPTION
    Called by build.ps1 -Task Test in a fresh PowerShell process, so the module is imported only by the tests.
    Pester comes from NuGet (tools/Pester.proj restores it under output/tools/packages).
#>
param(
    [Parameter(Mandatory)][string] $ModulePath,
    [Parameter(Mandatory)][string] $SummaryPath,
    [string[]] $Path = @($PSScriptRoot),
    [string[]] $ExcludeTag = @()
)

$ErrorActionPreference = 'Stop'
$repo = Resolve-Path (Join-Path $PSScriptRoot '../..')
$pester = Get-ChildItem (Join-Path $repo 'output/tools/packages/pester') -Filter Pester.psd1 -Recurse | Select-Object -First 1
if (-not $pester) { throw 'Pester is not restored: run dotnet restore tools/Pester.proj.' }
Import-Module $pester.FullName -Force

# The tests read the module path from here, so they always test the built module.
$env:COMETCHAT_TEST_MODULE = (Resolve-Path $ModulePath).Path

$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Normal'
$configuration.Filter.ExcludeTag = $ExcludeTag
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputPath = Join-Path (Split-Path $SummaryPath) 'pester.xml'
$result = Invoke-Pester -Configuration $configuration

[pscustomobject]@{
    Passed  = $result.PassedCount
    Failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Skipped = $result.SkippedCount
} | ConvertTo-Json | Set-Content -Path $SummaryPath
