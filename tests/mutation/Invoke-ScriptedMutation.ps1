<#
.SYNOPSIS
    The scripted mutation check: breaks each behaviour listed in Mutations.psd1, builds, runs the tests named for it
    and expects them to fail; restores the source after each one.
.DESCRIPTION
    Called by build.ps1 -Task MutateModule. For each mutation: the exact Find text must occur once in the file (else
    the check stops: the source moved on and the list must follow); the file is replaced, built and tested; then
    restored byte for byte, also on an error or Ctrl+C. A copy of the original is kept under
    output/mutation/module/originals/ while a mutation is applied, and restored first by the next run if this one was
    killed outright. Writes output/mutation/module/results.json and exits 1 when a mutation survived any of its tests.
#>
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Only the mutations with these names (all when empty).
    [string[]] $Name = @()
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$work = Join-Path $repo 'output/mutation/module'
$originals = Join-Path $work 'originals'
$null = New-Item -ItemType Directory -Force $originals

function Restore-Original {
    # Puts back every source file a run left mutated (its copy in originals/ records where it belongs).
    foreach ($copy in Get-ChildItem $originals -Filter *.orig -ErrorAction SilentlyContinue) {
        $target = Get-Content -Raw -LiteralPath ($copy.FullName -replace '\.orig$', '.path')
        [IO.File]::WriteAllBytes($target, [IO.File]::ReadAllBytes($copy.FullName))
        Write-Host "Restored $target" -ForegroundColor Yellow
        Remove-Item -LiteralPath $copy.FullName, ($copy.FullName -replace '\.orig$', '.path')
    }
}

function Invoke-Quiet {
    # Runs a native command, its output going to a log file; returns its exit code.
    param([string] $Log, [string] $FilePath, [string[]] $Arguments)
    & $FilePath @Arguments *> $Log
    $LASTEXITCODE
}

# A previous run killed while a mutation was applied left its copy behind: the source comes first.
Restore-Original

$mutations = (Import-PowerShellDataFile (Join-Path $PSScriptRoot 'Mutations.psd1')).Mutations
if ($Name) { $mutations = @($mutations | Where-Object { $_.Name -in $Name }) }
$results = [Collections.Generic.List[object]]::new()
$modulePath = Join-Path $repo 'output/CometChat.PowerShell/*/CometChat.PowerShell.psd1'

try {
    foreach ($mutation in $mutations) {
        $file = Join-Path $repo $mutation.File
        $bytes = [IO.File]::ReadAllBytes($file)
        $text = [Text.Encoding]::UTF8.GetString($bytes)
        $count = ([regex]::Matches($text, [regex]::Escape($mutation.Find))).Count
        if ($count -ne 1) {
            throw "Mutation '$($mutation.Name)': $($mutation.File) contains its Find text $count times, not once. The source has changed; update tests/mutation/Mutations.psd1 so the mutation still breaks: $($mutation.Why)"
        }
        Write-Host "Mutation $($mutation.Name): $($mutation.Why)" -ForegroundColor Cyan
        $copy = Join-Path $originals "$($mutation.Name).orig"
        [IO.File]::WriteAllBytes($copy, $bytes)
        Set-Content -LiteralPath ($copy -replace '\.orig$', '.path') -Value $file -NoNewline
        try {
            [IO.File]::WriteAllBytes($file, [Text.Encoding]::UTF8.GetBytes($text.Replace($mutation.Find, $mutation.Replace)))
            $built = $false
            foreach ($test in $mutation.Tests) {
                $log = Join-Path $work ("{0}-{1}.log" -f $mutation.Name, $results.Count)
                if ($test.ContainsKey('Pester')) {
                    $target = "tests/pester/$($test.Pester)"
                    if (-not $built) {
                        $exit = Invoke-Quiet $log 'dotnet' @('pwsh', '-NoProfile', '-NonInteractive', '-File', (Join-Path $repo 'build.ps1'), '-Task', 'Build', '-Configuration', $Configuration)
                        if ($exit -ne 0) { throw "Mutation '$($mutation.Name)' does not build (see $log); fix its Replace text." }
                        $built = $true
                    }
                    $summary = Join-Path $work 'pester-summary.json'
                    Remove-Item $summary -ErrorAction SilentlyContinue
                    $null = Invoke-Quiet $log 'dotnet' @('pwsh', '-NoProfile', '-NonInteractive', '-File', (Join-Path $repo 'tests/pester/Invoke-PesterTests.ps1'),
                        '-ModulePath', (Resolve-Path $modulePath).Path, '-SummaryPath', $summary, '-Path', (Join-Path $repo $target))
                    if (-not (Test-Path $summary)) { throw "Pester did not run for '$($mutation.Name)' (see $log)." }
                    $failed = (Get-Content -Raw $summary | ConvertFrom-Json).Failed
                }
                else {
                    $target = "$($test.Xunit) ($($test.Filter))"
                    $exit = Invoke-Quiet $log 'dotnet' @('build', (Join-Path $repo $test.Xunit), '-c', $Configuration, '--nologo', '-v', 'quiet')
                    if ($exit -ne 0) { throw "Mutation '$($mutation.Name)' does not build (see $log); fix its Replace text." }
                    $failed = Invoke-Quiet $log 'dotnet' @('test', (Join-Path $repo $test.Xunit), '-c', $Configuration, '--no-build', '--nologo', '-v', 'quiet', '--filter', $test.Filter)
                }
                $killed = $failed -gt 0
                $results.Add([pscustomobject]@{ Mutation = $mutation.Name; Tests = $target; Killed = $killed; Log = $log })
                Write-Host ('  {0,-9} {1}' -f $(if ($killed) { 'killed' } else { 'SURVIVED' }), $target) -ForegroundColor $(if ($killed) { 'Green' } else { 'Red' })
            }
        }
        finally {
            [IO.File]::WriteAllBytes($file, $bytes)
            Remove-Item -LiteralPath $copy, ($copy -replace '\.orig$', '.path')
        }
    }
}
finally {
    Restore-Original
    $results | ConvertTo-Json | Set-Content (Join-Path $work 'results.json')
    # The module in output/ is built from the restored source again.
    if ($results.Count -gt 0) { $null = Invoke-Quiet (Join-Path $work 'rebuild.log') 'dotnet' @('pwsh', '-NoProfile', '-NonInteractive', '-File', (Join-Path $repo 'build.ps1'), '-Task', 'Build', '-Configuration', $Configuration) }
}

$survived = @($results | Where-Object { -not $_.Killed })
Write-Host ('{0} of {1} mutation test runs failed as they must; {2} survived' -f ($results.Count - $survived.Count), $results.Count, $survived.Count)
if ($survived) { exit 1 }
