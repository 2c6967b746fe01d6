<#
.SYNOPSIS
    Traces New-CometChatUser under injected faults: how many creates the emulator completes every 100 ms, and where
    the output (in input order) waits. Diagnoses the scenario-3 throughput of Invoke-ProvisioningBench.ps1.
.DESCRIPTION
    Starts an emulator with scenario 3's settings (latency, faults, a fault delay past the client timeout), creates
    -UserCount users with New-CometChatUser while a second runspace polls GET /_emulator/counters every 100 ms, then
    prints: the POST /v3/users completions per 100 ms, the time during which none completed, and every gap of more
    than 0.5 s between two consecutive output objects (with the output's index). Stretches of near-zero completions
    while 15 of 16 slots are free point at work that is not being started. Not part of build.ps1 -Task Bench.
.EXAMPLE
    dotnet pwsh -NoProfile -File tests/bench/Trace-CreateStalls.ps1 -ModulePath output/CometChat.PowerShell/0.1.0/CometChat.PowerShell.psd1
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $ModulePath,
    [ValidateRange(1, 100000)]
    [int] $UserCount = 2000,
    [ValidateRange(1, 64)]
    [int] $ThrottleLimit = 16,
    [int] $LatencyMilliseconds = 25,
    [double] $FailureRate = 0.05,
    [int] $Seed = 4117,
    [int] $FaultDelayMilliseconds = 3000,
    [int] $TimeoutSec = 2
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$ProgressPreference = 'SilentlyContinue'
Import-Module (Resolve-Path -LiteralPath $ModulePath).Path -Force

function Get-PostCount {
    # POST /v3/users requests the emulator has finished (any status).
    param([string] $Root, [string] $ApiKey)
    $counters = (Invoke-RestMethod "$Root/_emulator/counters" -Headers @{ apikey = $ApiKey }).data
    ($counters.requests | Where-Object { $_.method -eq 'POST' -and $_.route -eq '/v3/users' } | Measure-Object count -Sum).Sum
}

$emulator = Start-CometChatEmulator -CoreRequestsPerMinute 0 -StandardRequestsPerMinute 0 -LatencyMilliseconds $LatencyMilliseconds `
    -FailureRate $FailureRate -Seed $Seed -FaultDelayMilliseconds $FaultDelayMilliseconds
$csv = Join-Path ([IO.Path]::GetTempPath()) "cometchat-trace-$([guid]::NewGuid().ToString('N')).csv"
$poller = $null
try {
    $apiKey = [Net.NetworkCredential]::new('', $emulator.ApiKey).Password
    $root = $emulator.BaseUri.AbsoluteUri.TrimEnd('/') -replace '/v3$', ''
    $null = Connect-CometChat -BaseUri $emulator.BaseUri -ApiKey $emulator.ApiKey -CoreRequestsPerMinute 0 -StandardRequestsPerMinute 0 -TimeoutSec $TimeoutSec
    1..$UserCount | ForEach-Object {
        [pscustomobject]@{ Uid = 'trace-{0:d5}' -f $_; Name = "Trace User $_"; Avatar = "https://example.com/avatars/$_.png"; Tags = 'a;b'; Metadata = "{`"employeeId`":$_}" }
    } | Export-Csv -LiteralPath $csv -NoTypeInformation

    # Warm-up, then a clean emulator (users, counters and the fault sequence).
    Import-Csv -LiteralPath $csv | Select-Object -First 50 | ForEach-Object { $_.Uid = "warm-$($_.Uid)"; $_ } |
        New-CometChatUser -ThrottleLimit $ThrottleLimit -ErrorAction SilentlyContinue | Out-Null
    $null = Invoke-RestMethod -Method Post "$root/_emulator/reset" -Headers @{ apikey = $apiKey }

    # The poller runs in its own runspace so that the pipeline thread only runs New-CometChatUser.
    $samples = [Collections.Concurrent.ConcurrentQueue[object]]::new()
    $clock = [Diagnostics.Stopwatch]::new()
    $poller = [powershell]::Create()
    $null = $poller.AddScript(${function:Get-PostCount}.Ast.Extent.Text).AddStatement().AddScript({
            param($Root, $ApiKey, $Samples, $Clock)
            while ($true) {
                $Samples.Enqueue([pscustomobject]@{ Seconds = $Clock.Elapsed.TotalSeconds; Posts = Get-PostCount $Root $ApiKey })
                Start-Sleep -Milliseconds 100
            }
        }).AddArgument($root).AddArgument($apiKey).AddArgument($samples).AddArgument($clock)
    $clock.Start()
    $null = $poller.BeginInvoke()

    $outputAt = [Collections.Generic.List[double]]::new()
    $information = $null
    Import-Csv -LiteralPath $csv | New-CometChatUser -ThrottleLimit $ThrottleLimit -ErrorAction SilentlyContinue -InformationVariable information |
        ForEach-Object { $outputAt.Add($clock.Elapsed.TotalSeconds) }
    $elapsed = $clock.Elapsed.TotalSeconds
    $poller.Stop()

    "ThrottleLimit $ThrottleLimit, $UserCount users: {0:0.00} s; {1}" -f $elapsed, ($information | Select-Object -Last 1).MessageData
    $points = @($samples.ToArray())
    $perWindow = for ($i = 1; $i -lt $points.Count; $i++) { $points[$i].Posts - $points[$i - 1].Posts }
    $idle = 0.0
    for ($i = 1; $i -lt $points.Count; $i++) {
        if ($points[$i].Seconds -le $elapsed -and $points[$i].Posts -eq $points[$i - 1].Posts) { $idle += $points[$i].Seconds - $points[$i - 1].Seconds }
    }
    'POST /v3/users completions per 100 ms: ' + ($perWindow -join ' ')
    'Seconds with no POST completing while the pipeline ran: {0:0.0}' -f $idle
    for ($i = 1; $i -lt $outputAt.Count; $i++) {
        $gap = $outputAt[$i] - $outputAt[$i - 1]
        if ($gap -gt 0.5) { '{0:0.00} s without output before output #{1} (at {2:0.00} s)' -f $gap, ($i + 1), $outputAt[$i] }
    }
}
finally {
    if ($poller) { $poller.Dispose() }
    Remove-Item -LiteralPath $csv -ErrorAction SilentlyContinue
    Stop-CometChatEmulator -InputObject $emulator
}
