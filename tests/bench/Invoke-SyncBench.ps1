<#
.SYNOPSIS
    Sync bench: a nightly Sync-CometChatUser of a large HR file with 1% changed, beside a full re-run of the file with
    New-CometChatUser -IfExists Update.
.DESCRIPTION
    Fills an emulator (rate limits off, so the two approaches are compared by their requests and CPU, not by
    waiting) with -UserCount users from a generated CSV, then writes a second version of the file with 1% of the users
    changed: half of them movers (new name and department), a quarter joiners, a quarter leavers. Each measured run
    starts in a fresh PowerShell process that imports the module and reads the CSV with Import-Csv:
      sync      Import-Csv v2.csv | Sync-CometChatUser -Missing Deactivate -MaxRemovalCount <leavers>
      new       Import-Csv v2.csv | New-CometChatUser -IfExists Update   (the same file through the create cmdlet)
    For each: elapsed time, the emulator's request counts by route (the sync must cost list pages + changes), the
    managed heap's peak above the baseline after the module is imported (sampled every 50 ms), the process's peak
    working set, and the time the same requests would take at CometChat's production limits (10,000 core and
    20,000 standard requests a minute). Writes sync.json into -OutDirectory. See docs/bench.md, "Sync".
.EXAMPLE
    dotnet pwsh -NoProfile -File tests/bench/Invoke-SyncBench.ps1 -ModulePath output/CometChat.PowerShell/0.1.0/CometChat.PowerShell.psd1 -OutDirectory output/bench
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string] $ModulePath,
    [Parameter(Mandatory)][string] $OutDirectory,
    [ValidateRange(1000, 1000000)][int] $UserCount = 100000,
    # Peak managed heap above the baseline that the sync may use.
    [ValidateRange(1, 100000)][int] $MemoryGoalMB = 200
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$ProgressPreference = 'SilentlyContinue'
$ModulePath = (Resolve-Path $ModulePath).Path
Import-Module $ModulePath -Force
$null = New-Item -ItemType Directory -Force $OutDirectory
$work = Join-Path ([IO.Path]::GetTempPath()) ('cometchat-sync-bench-' + [guid]::NewGuid().ToString('N'))
$null = New-Item -ItemType Directory $work

function Write-HrCsv {
    # A deterministic HR export: uid, name, tags, department in metadata. Rows in $Skip are left out (leavers);
    # rows in $Moved get a new name and department; $Extra more rows are appended (joiners).
    param([string] $Path, [int] $Count, [int] $Extra = 0, [Collections.Generic.HashSet[int]] $Skip, [Collections.Generic.HashSet[int]] $Moved)
    $departments = 'engineering', 'sales', 'support', 'research', 'finance'
    $writer = [IO.StreamWriter]::new($Path, $false, [Text.UTF8Encoding]::new($false))
    try {
        $writer.WriteLine('Uid,Name,Tags,Metadata')
        for ($i = 1; $i -le $Count + $Extra; $i++) {
            if ($Skip -and $Skip.Contains($i)) { continue }
            $isMover = $Moved -and $Moved.Contains($i)
            $name = if ($isMover) { "Moved Employee $i" } else { "Employee $i" }
            $department = if ($isMover) { 'operations' } else { $departments[$i % $departments.Count] }
            $writer.WriteLine(('e{0:d7},{1},staff;cohort-{2},"{{""department"":""{3}"",""employeeId"":{0}}}"' -f $i, $name, ($i % 7), $department))
        }
    }
    finally { $writer.Dispose() }
}

function Invoke-Measured {
    # Runs one approach in a fresh PowerShell process and returns its timing and memory, read from its JSON output.
    param([string] $Name, [string] $Command)
    $script = @"
`$ErrorActionPreference = 'Stop'
`$ProgressPreference = 'SilentlyContinue'
Import-Module '$ModulePath'
`$context = Connect-CometChat -BaseUri '$($emulator.BaseUri)' -ApiKey '$key' -CoreRequestsPerMinute 0 -StandardRequestsPerMinute 0 -PassThru -InformationAction Ignore
[GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
`$baseline = [GC]::GetTotalMemory(`$true)
# The managed heap's peak, sampled every 50 ms on a timer thread (a script block can't run there).
Add-Type -TypeDefinition 'public static class HeapPeak { static long _peak; static System.Threading.Timer _timer; public static void Start() { _peak = System.GC.GetTotalMemory(false); _timer = new System.Threading.Timer(_ => { long now = System.GC.GetTotalMemory(false); if (now > _peak) _peak = now; }, null, 0, 50); } public static long Stop() { _timer.Dispose(); return _peak; } }'
[HeapPeak]::Start()
`$clock = [Diagnostics.Stopwatch]::StartNew()
`$errors = 0
$Command -ErrorAction SilentlyContinue -ErrorVariable failures -InformationAction Ignore | Out-Null
`$errors = @(`$failures).Count
`$clock.Stop()
`$peak = [HeapPeak]::Stop()
[pscustomobject]@{
    Seconds = `$clock.Elapsed.TotalSeconds
    PeakHeapAboveBaselineMB = [math]::Round((`$peak - `$baseline) / 1MB, 1)
    PeakWorkingSetMB = [math]::Round([Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 / 1MB, 1)
    Errors = `$errors
    Summary = "`$(`$context.LastOperation)"
} | ConvertTo-Json -Compress
"@
    Invoke-EmulatorAdminRequest 'counters' 'Delete' | Out-Null
    $output = & dotnet pwsh -NoProfile -NonInteractive -Command $script
    if ($LASTEXITCODE -ne 0) { throw "$Name failed: $output" }
    $result = ($output | Select-Object -Last 1) | ConvertFrom-Json
    $requests = @{}
    foreach ($row in @((Invoke-EmulatorAdminRequest 'counters').data.requests)) {
        $requests["$($row.method) $($row.route)"] = [int]$requests["$($row.method) $($row.route)"] + [int]$row.count
    }
    $core = [int]$requests['POST /v3/users'] + [int]$requests['DELETE /v3/users'] + [int]$requests['DELETE /v3/users/{uid}']
    $standard = ($requests.Values | Measure-Object -Sum).Sum - $core
    [pscustomobject]@{
        Approach                  = $Name
        Seconds                   = [math]::Round($result.Seconds, 1)
        Requests                  = ($requests.Values | Measure-Object -Sum).Sum
        RequestsByRoute           = $requests
        SecondsAtProductionLimits = [math]::Round([math]::Max($core / 10000.0, $standard / 20000.0) * 60, 1)
        PeakHeapAboveBaselineMB   = $result.PeakHeapAboveBaselineMB
        PeakWorkingSetMB          = $result.PeakWorkingSetMB
        Errors                    = $result.Errors
        Summary                   = $result.Summary
    }
}

function Invoke-EmulatorAdminRequest {
    param([string] $Path, [string] $Method = 'Get')
    Invoke-RestMethod -Uri ($emulator.BaseUri.AbsoluteUri -replace '/v3/?$', "/_emulator/$Path") -Method $Method -Headers @{ apikey = $key }
}

$emulator = $null
try {
    $emulator = Start-CometChatEmulator -CoreRequestsPerMinute 0 -StandardRequestsPerMinute 0 -NoDefault
    $key = [Net.NetworkCredential]::new('', $emulator.ApiKey).Password
    $changed = [math]::Max(4, [int]($UserCount / 100))
    $leavers = [Collections.Generic.HashSet[int]]::new([int[]](1..[int]($changed / 4) | ForEach-Object { $_ * 97 }))
    $moved = [Collections.Generic.HashSet[int]]::new([int[]](1..[int]($changed / 2) | ForEach-Object { $_ * 89 + 1 }))
    $moved.ExceptWith($leavers)
    $joiners = $changed - $leavers.Count - $moved.Count
    $v1 = Join-Path $work 'v1.csv'
    $v2 = Join-Path $work 'v2.csv'
    Write-HrCsv -Path $v1 -Count $UserCount
    Write-HrCsv -Path $v2 -Count $UserCount -Extra $joiners -Skip $leavers -Moved $moved

    Write-Host "Filling the emulator with $UserCount users..." -ForegroundColor Cyan
    $fill = [Diagnostics.Stopwatch]::StartNew()
    Import-Csv $v1 | New-CometChatUser -Context $emulator.Context -InformationAction Ignore | Out-Null
    Write-Host ("Filled in {0:0.0} s. Changes in v2: {1} movers, {2} joiners, {3} leavers." -f $fill.Elapsed.TotalSeconds, $moved.Count, $joiners, $leavers.Count)

    $sync = Invoke-Measured 'Sync-CometChatUser' "Import-Csv '$v2' | Sync-CometChatUser -Context `$context -Missing Deactivate -MaxRemovalCount $($leavers.Count)"
    $pages = [int][math]::Ceiling(($UserCount + $joiners) / 1000)
    $expected = $pages + $moved.Count + $joiners + [int][math]::Ceiling($leavers.Count / 100)
    # The baseline runs on the synced app, where every row of v2 exists: 100% of rows cost a create attempt and an update.
    $rerun = Invoke-Measured 'New-CometChatUser -IfExists Update' "Import-Csv '$v2' | New-CometChatUser -Context `$context -IfExists Update"

    $results = [pscustomobject]@{
        UserCount = $UserCount; Movers = $moved.Count; Joiners = $joiners; Leavers = $leavers.Count
        ExpectedSyncRequests = $expected
        Runs = @($sync, $rerun)
        Goals = [pscustomobject]@{
            SyncRequestsAreListPagesPlusChanges = $sync.Requests -eq $expected
            SyncPeakHeapUnderGoal               = $sync.PeakHeapAboveBaselineMB -lt $MemoryGoalMB
            SpeedupOverRerun                    = [math]::Round($rerun.Seconds / [math]::Max(0.1, $sync.Seconds), 1)
            SpeedupAtProductionLimits           = [math]::Round($rerun.SecondsAtProductionLimits / [math]::Max(0.1, $sync.SecondsAtProductionLimits), 1)
        }
    }
    $results | ConvertTo-Json -Depth 6 | Set-Content (Join-Path $OutDirectory 'sync.json')
    $results.Runs | Format-Table Approach, Seconds, Requests, SecondsAtProductionLimits, PeakHeapAboveBaselineMB, PeakWorkingSetMB, Errors -AutoSize | Out-String -Width 200 | Write-Host
    $results.Runs | ForEach-Object { Write-Host $_.Summary }
    Write-Host ("Sync requests: {0} (list pages + changes = {1}): {2}" -f $sync.Requests, $expected, $(if ($results.Goals.SyncRequestsAreListPagesPlusChanges) { 'met' } else { 'MISSED' }))
    Write-Host ("Sync peak heap above baseline: {0} MB (goal < {1} MB): {2}" -f $sync.PeakHeapAboveBaselineMB, $MemoryGoalMB, $(if ($results.Goals.SyncPeakHeapUnderGoal) { 'met' } else { 'MISSED' }))
    Write-Host ("Sync is {0}x faster than the re-run here, {1}x at production limits." -f $results.Goals.SpeedupOverRerun, $results.Goals.SpeedupAtProductionLimits)
}
finally {
    if ($emulator) { Stop-CometChatEmulator -InputObject $emulator }
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}
