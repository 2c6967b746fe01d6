<#
.SYNOPSIS
    Soak bench: a large Import-Csv | New-CometChatUser against an emulator that fails, lags, limits and dies once.
.DESCRIPTION
    Generates a CSV of -UserCount users (default 20,000; some rows with tags, metadata and avatars) and creates them
    with New-CometChatUser against the local CometChat emulator started with a data file, latency with jitter, a share
    of injected faults of every kind (500, 502, 503, dropped connections, answers held past the client's timeout;
    about half of the write faults strike after the user was stored) and a low core rate limit. When half of the rows
    have entered the pipeline the emulator process is killed (Stop-Process -Force) and started again on the same port
    and data file a few seconds later, while the pipeline keeps its connection.
    Afterwards, with faults off: every row must be either on the server (told created once) or in the error list
    (once), none lost, none doubled; rerunning the failed rows with -IfExists Skip must leave the server holding
    exactly the file; the memory of this process, sampled as the rows go by, must not grow with the row count.
    Prints the results and a goals table and writes soak.json into -OutDirectory. See docs/bench.md, "Soak".
    Exit code 0 when the scenario ran (goals met or not: misses show as MISSED), 1 when it could not run, 2 when the
    bench could not start.
.EXAMPLE
    dotnet pwsh -NoProfile -File tests/bench/Invoke-SoakBench.ps1 -ModulePath output/CometChat.PowerShell/0.1.0/CometChat.PowerShell.psd1 -OutDirectory output/bench
#>
[CmdletBinding()]
param(
    # The built module's manifest (output/CometChat.PowerShell/<version>/CometChat.PowerShell.psd1).
    [Parameter(Mandatory)]
    [string] $ModulePath,

    # Where soak.json goes.
    [Parameter(Mandatory)]
    [string] $OutDirectory,

    # Users in the generated CSV.
    [ValidateRange(10, 1000000)]
    [int] $UserCount = 20000,

    # Share of /v3 requests that fail, the kind chosen evenly among 500, 502, 503, dropped and delayed.
    [ValidateRange(0.0, 1.0)]
    [double] $FailureRate = 0.10,

    # Fault seed, fixed so runs are comparable (the restart makes the rest timing-dependent).
    [int] $Seed = 4117,

    # Emulator latency per request, plus a jitter of 0..LatencyJitterMilliseconds.
    [ValidateRange(0, 10000)]
    [int] $LatencyMilliseconds = 5,

    [ValidateRange(0, 10000)]
    [int] $LatencyJitterMilliseconds = 5,

    # How long a "delayed" fault holds a request (longer than -TimeoutSec).
    [ValidateRange(0, 600000)]
    [int] $FaultDelayMilliseconds = 3000,

    # Client timeout per attempt.
    [ValidateRange(1, 600)]
    [int] $TimeoutSec = 2,

    # The emulator's core limit, and the pace the module's connection is given.
    [ValidateRange(1, 1000000)]
    [int] $CoreRequestsPerMinute = 9000,

    # The emulator's standard limit (reads, such as the GET that confirms a create whose answer was lost), and the
    # connection's pace for them. Given explicitly: with windows shorter than a minute the emulator's X-Rate-Limit
    # header holds the window's budget, which a connection without an explicit limit would take for a per-minute one.
    [ValidateRange(1, 1000000)]
    [int] $StandardRequestsPerMinute = 20000,

    # Length of the emulator's rate-limit windows (a short window makes a burst meet the limit sooner).
    [ValidateRange(1, 3600)]
    [int] $RateLimitWindowSeconds = 10,

    # Seconds between the kill and the start of the new emulator process.
    [ValidateRange(0, 60)]
    [double] $DowntimeSeconds = 3,

    # Rows between two memory samples.
    [ValidateRange(10, 100000)]
    [int] $SampleEvery = 500,

    # Heap growth per 1,000 rows (first quarter of the samples to the last) still counted as flat.
    [ValidateRange(0, 100000)]
    [double] $FlatKBPer1000Rows = 64
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$ProgressPreference = 'SilentlyContinue'

$csvPath = $null
try {
    # A relative path would be taken for a module name.
    Import-Module (Resolve-Path -LiteralPath $ModulePath).Path -Force
    $module = Get-Module CometChat.PowerShell
    . (Join-Path $PSScriptRoot 'SoakScenario.ps1')
    $emulatorPath = Join-Path $module.ModuleBase 'emulator/CometChat.Emulator.dll'
    if (-not (Test-Path -LiteralPath $emulatorPath)) { throw "The emulator is missing: $emulatorPath" }
    $null = New-Item -ItemType Directory -Force -Path $OutDirectory
    $csvPath = Join-Path ([IO.Path]::GetTempPath()) ('cometchat-soak-{0}.csv' -f [guid]::NewGuid().ToString('N'))
    New-SoakCsv -Path $csvPath -Count $UserCount
}
catch {
    Write-Host "The soak bench could not start: $($_.Exception.Message)" -ForegroundColor Red
    exit 2
}

$emulatorOptions = [ordered]@{
    'latency-ms'                   = $LatencyMilliseconds
    'latency-jitter-ms'            = $LatencyJitterMilliseconds
    'failure-rate'                 = $FailureRate
    'seed'                         = $Seed
    'fault-delay-ms'               = $FaultDelayMilliseconds
    'core-requests-per-minute'     = $CoreRequestsPerMinute
    'standard-requests-per-minute' = $StandardRequestsPerMinute
    'rate-limit-window-seconds'    = $RateLimitWindowSeconds
}
$title = 'Soak: {0} users, {1}% faults (seed {2}, delay {3} ms), latency {4}+0..{5} ms, core limit {6}/min (window {7} s), timeout {8} s, emulator killed at row {9} and restarted after {10} s' -f
    $UserCount, ($FailureRate * 100), $Seed, $FaultDelayMilliseconds, $LatencyMilliseconds, $LatencyJitterMilliseconds, $CoreRequestsPerMinute,
    $RateLimitWindowSeconds, $TimeoutSec, [math]::Floor($UserCount / 2), $DowntimeSeconds
Write-Host "CometChat.PowerShell $($module.Version) soak bench; $([Environment]::ProcessorCount) cores, $([Runtime.InteropServices.RuntimeInformation]::OSDescription)" -ForegroundColor Green
Write-Host $title -ForegroundColor Cyan

$started = Get-Date
$result = $null
$couldNotRun = $null
try {
    $result = Invoke-SoakScenario -CsvPath $csvPath -EmulatorPath $emulatorPath -EmulatorOptions ([hashtable]$emulatorOptions) -TimeoutSec $TimeoutSec `
        -CoreRequestsPerMinute $CoreRequestsPerMinute -StandardRequestsPerMinute $StandardRequestsPerMinute -DowntimeSeconds $DowntimeSeconds -SampleEvery $SampleEvery
}
catch {
    $couldNotRun = $_.Exception.Message
    Write-Host "The soak could not run: $couldNotRun" -ForegroundColor Red
}
finally {
    Remove-Item -LiteralPath $csvPath -ErrorAction SilentlyContinue
}
$duration = ((Get-Date) - $started).TotalSeconds

$goals = @()
if ($result) {
    $a = $result.Accounting
    $m = $result.Memory
    $f = $result.Faults
    Write-Host ''
    Write-Host ('Pipeline {0:0.0} s ({1:0.0} rows/s); emulator killed {2:0.0} s in, listening again {3:0.0} s later; restart inside the run: {4}' -f
        $result.PipelineSeconds, ($result.Rows / [math]::Max(0.001, $result.PipelineSeconds)), $result.KilledAtSeconds, $result.DownSeconds, $result.RestartedMidRun)
    Write-Host ('Faults injected: 500 {0}, 502 {1}, 503 {2}, dropped {3}, delayed {4} (after the write: {5}); POST /v3/users answers: {6}' -f
        $f.status500, $f.status502, $f.status503, $f.dropped, $f.delayed, $f.afterWrite,
        (($result.CreatesByStatus.PSObject.Properties | Sort-Object { [int]$_.Name } | ForEach-Object { "$($_.Name): $($_.Value)" }) -join ', '))
    Write-Host "Module summary: $($result.Summary)"
    if ($result.ErrorIds) { Write-Host ('Errors: ' + (($result.ErrorIds | ForEach-Object { '{0} x{1}' -f ($_.Id -split ',')[0], $_.Count }) -join ', ')) }
    $rows = [pscustomobject][ordered]@{
        Rows = $a.Rows; Created = $a.Created; 'Failed, not stored' = $a.FailedNotStored; 'Failed, stored' = $a.FailedButStored
        Lost = $a.Lost; Double = $a.Double; 'Not in file' = $a.NotInFile; 'Wrong content' = $result.WrongContent + $result.WrongTags
    }
    Write-Host (($rows | Format-Table -AutoSize | Out-String -Width 250).TrimEnd())
    Write-Host ('Rerun of the {0} failed rows with -IfExists Skip: created {1}, skipped {2}, failed {3}; server holds {4} users, {5} missing, {6} not in the file' -f
        $result.Rerun.Rows, $result.Rerun.Created, $result.Rerun.Skipped, $result.Rerun.Failed, $result.StoredAfterRerun, $result.MissingAfterRerun, $result.ExtraAfterRerun)
    Write-Host ('Memory of this process: heap after a full GC {0} / {1} / {2} MB (start / peak / end), {3} KB per 1,000 rows first to last quarter; working set {4} / {5} / {6} MB, {7} KB per 1,000 rows' -f
        $m.StartHeapMB, $m.PeakHeapMB, $m.EndHeapMB, $m.HeapKBPer1000Rows, $m.StartWorkingSetMB, $m.PeakWorkingSetMB, $m.EndWorkingSetMB, $m.WorkingSetKBPer1000Rows)

    function New-Goal([string] $Goal, [string] $Measured, [bool] $Met) { [pscustomobject]@{ Goal = $Goal; Measured = $Measured; Result = $(if ($Met) { 'met' } else { 'MISSED' }) } }
    $goals = @(
        New-Goal 'The emulator was killed and restarted during the run' ("killed at {0:0.0} s, back after {1:0.0} s, pipeline {2:0.0} s" -f $result.KilledAtSeconds, $result.DownSeconds, $result.PipelineSeconds) ($result.RestartedMidRun -and $result.FirstProcessId -ne $result.SecondProcessId)
        New-Goal 'Faults of every kind were injected' ('500 {0}, 502 {1}, 503 {2}, dropped {3}, delayed {4}, after write {5}' -f $f.status500, $f.status502, $f.status503, $f.dropped, $f.delayed, $f.afterWrite) (@($f.status500, $f.status502, $f.status503, $f.dropped, $f.delayed, $f.afterWrite | Where-Object { $_ -le 0 }).Count -eq 0)
        New-Goal 'Every row on the server or in the error list, exactly once' ('created {0} + failed {1} (of which stored {2}) = {3}; lost {4}, double {5}, not in file {6}' -f $a.Created, ($a.FailedNotStored + $a.FailedButStored), $a.FailedButStored, ($a.Created + $a.FailedNotStored + $a.FailedButStored), $a.Lost, $a.Double, $a.NotInFile) ($a.Lost -eq 0 -and $a.Double -eq 0 -and $a.NotInFile -eq 0 -and $a.Created + $a.FailedNotStored + $a.FailedButStored -eq $a.Rows)
        New-Goal 'Stored users hold what the file says' ('{0} wrong names/metadata, {1} wrong tags' -f $result.WrongContent, $result.WrongTags) ($result.WrongContent -eq 0 -and $result.WrongTags -eq 0)
        New-Goal 'Rerunning the error list with -IfExists Skip completes the set' ('{0} rows: {1} created, {2} skipped, {3} failed; server = file: {4}' -f $result.Rerun.Rows, $result.Rerun.Created, $result.Rerun.Skipped, $result.Rerun.Failed, $result.ServerIsFile) ($result.ServerIsFile -and $result.Rerun.Failed -eq 0)
        New-Goal "Memory flat (heap growth <= $FlatKBPer1000Rows KB per 1,000 rows)" ('{0} KB per 1,000 rows ({1} -> {2} MB, peak {3})' -f $m.HeapKBPer1000Rows, $m.StartHeapMB, $m.EndHeapMB, $m.PeakHeapMB) ($null -ne $m.HeapKBPer1000Rows -and $m.HeapKBPer1000Rows -le $FlatKBPer1000Rows)
    )
    Write-Host ''
    Write-Host 'Goals' -ForegroundColor Cyan
    Write-Host (($goals | Format-Table -AutoSize | Out-String -Width 250).TrimEnd())
}

$report = [pscustomobject]@{
    Benchmark       = 'soak'
    Date            = $started.ToString('o')
    DurationSeconds = [math]::Round($duration, 1)
    ModuleVersion   = $module.Version.ToString()
    Machine         = [pscustomobject]@{
        Cores      = [Environment]::ProcessorCount
        Os         = [Runtime.InteropServices.RuntimeInformation]::OSDescription
        PowerShell = $PSVersionTable.PSVersion.ToString()
        Dotnet     = [Runtime.InteropServices.RuntimeInformation]::FrameworkDescription
    }
    Parameters      = [pscustomobject]@{
        UserCount = $UserCount; FailureRate = $FailureRate; Seed = $Seed; LatencyMilliseconds = $LatencyMilliseconds
        LatencyJitterMilliseconds = $LatencyJitterMilliseconds; FaultDelayMilliseconds = $FaultDelayMilliseconds; TimeoutSec = $TimeoutSec
        CoreRequestsPerMinute = $CoreRequestsPerMinute; StandardRequestsPerMinute = $StandardRequestsPerMinute; RateLimitWindowSeconds = $RateLimitWindowSeconds; DowntimeSeconds = $DowntimeSeconds
        SampleEvery = $SampleEvery; FlatKBPer1000Rows = $FlatKBPer1000Rows
    }
    Error           = $couldNotRun
    Result          = $result
    Goals           = $goals
}
$jsonPath = Join-Path $OutDirectory 'soak.json'
$report | ConvertTo-Json -Depth 8 | Set-Content -LiteralPath $jsonPath -Encoding utf8
Write-Host ''
Write-Host "Wrote $jsonPath ($([math]::Round($duration)) s)" -ForegroundColor Green
exit ($couldNotRun ? 1 : 0)
