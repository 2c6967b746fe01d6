# Dot-sourced by Invoke-ProvisioningBench.ps1: the ways of creating the users of a CSV that the bench compares.
# Each approach takes the CSV path and the emulator target, runs one pipeline, and returns what the user was told:
# one outcome per reported result (Uid, Ok, Status; Status 0 = no HTTP answer), plus the module's summary. Only the
# pipeline is timed; turning its output into outcomes happens after the stopwatch stops.

function Get-ApproachDefinition {
    # What each approach name runs. "Fair" loops are what a competent admin writes with Invoke-RestMethod alone: its
    # built-in retries; for the serial loop one web session (connection reuse); for the parallel loop the module's
    # initial 32 in flight. The parallel loop has no session: -Parallel resets each runspace's variables for every
    # item, and one session shared by all runspaces is not safe (Invoke-RestMethod writes the call's content headers
    # and retry settings into it). The naive loops are the first thing that works: no session, no retries, 16 in flight.
    param([int] $RetryCount, [int] $RetryIntervalSec, [int] $ParallelThrottleLimit, [int] $NaiveParallelThrottleLimit)
    [ordered]@{
        Serial        = @{ Label = "Invoke-RestMethod loop, one -WebSession, -MaximumRetryCount $RetryCount -RetryIntervalSec $RetryIntervalSec"
            Parallel = 0; Session = $true; Retries = $RetryCount; Interval = $RetryIntervalSec }
        Parallel      = @{ Label = "ForEach-Object -Parallel -ThrottleLimit $ParallelThrottleLimit, -MaximumRetryCount $RetryCount -RetryIntervalSec $RetryIntervalSec"
            Parallel = $ParallelThrottleLimit; Session = $false; Retries = $RetryCount; Interval = $RetryIntervalSec }
        SerialNaive   = @{ Label = 'Invoke-RestMethod loop (naive: no session, no retries)'
            Parallel = 0; Session = $false; Retries = 0; Interval = 1 }
        ParallelNaive = @{ Label = "ForEach-Object -Parallel -ThrottleLimit $NaiveParallelThrottleLimit (naive: no session, no retries)"
            Parallel = $NaiveParallelThrottleLimit; Session = $false; Retries = 0; Interval = 1 }
        Module        = @{ Label = 'Import-Csv | New-CometChatUser (defaults)' }
        ModuleFixed32 = @{ Label = 'Import-Csv | New-CometChatUser -ThrottleLimit 32 (the fixed default of earlier versions)'; ThrottleLimit = 32 }
    }
}

function Invoke-Approach {
    # Runs approach $Name (a key of Get-ApproachDefinition) once over the CSV.
    param([string] $Name, [hashtable] $Definition, [string] $CsvPath, [pscustomobject] $Target)
    if ($Name -like 'Module*') { Invoke-ModuleApproach -CsvPath $CsvPath -ThrottleLimit $Definition['ThrottleLimit'] }
    elseif ($Definition.Parallel -gt 0) { Invoke-ParallelApproach -CsvPath $CsvPath -Target $Target -Definition $Definition }
    else { Invoke-SerialApproach -CsvPath $CsvPath -Target $Target -Definition $Definition }
}

function New-RestParameters {
    # Invoke-RestMethod's parameters for one approach: the key in a web session (whose HttpClient, and so its
    # connections, every call reuses) or in -Headers (a new client, and connection, per call), and the retries.
    param([pscustomobject] $Target, [hashtable] $Definition)
    $parameters = @{ Method = 'Post'; Uri = "$($Target.BaseUri)/users"; ContentType = 'application/json'; TimeoutSec = $Target.TimeoutSec }
    if ($Definition.Session) {
        $session = [Microsoft.PowerShell.Commands.WebRequestSession]::new()
        $session.Headers['apikey'] = $Target.ApiKey
        $parameters.WebSession = $session
    }
    else {
        $parameters.Headers = @{ apikey = $Target.ApiKey }
    }
    if ($Definition.Retries -gt 0) {
        # Retries 304 and 400-599 answers after the interval (timeouts and dropped connections are not retried).
        $parameters.MaximumRetryCount = $Definition.Retries
        $parameters.RetryIntervalSec = $Definition.Interval
    }
    $parameters
}

function Invoke-SerialApproach {
    # One request at a time; a failure (after Invoke-RestMethod's own retries, if any) is just an error. try/catch
    # only records which row failed (the console would show the error and move on).
    param([string] $CsvPath, [pscustomobject] $Target, [hashtable] $Definition)
    $rest = New-RestParameters -Target $Target -Definition $Definition
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $outcomes = Import-Csv -LiteralPath $CsvPath | ForEach-Object {
        $row = $_
        # [ordered] in the module's property order: the body is byte for byte what New-CometChatUser sends, so the
        # emulator's seeded faults (chosen by a hash of the body) strike the same rows for every approach and run.
        $body = [ordered]@{
            uid      = $row.Uid
            name     = $row.Name
            avatar   = $row.Avatar
            metadata = $row.Metadata | ConvertFrom-Json
            tags     = @($row.Tags -split ';')
        } | ConvertTo-Json -Depth 10 -Compress
        try {
            $created = Invoke-RestMethod @rest -Body $body
            [pscustomobject]@{ Uid = $created.data.uid; Ok = $true; Status = 200 }
        }
        catch {
            $status = if ($_.Exception.PSObject.Properties['Response'] -and $_.Exception.Response) { [int]$_.Exception.Response.StatusCode } else { 0 }
            [pscustomobject]@{ Uid = $row.Uid; Ok = $false; Status = $status }
        }
    }
    $clock.Stop()
    [pscustomobject]@{ Elapsed = $clock.Elapsed; Outcomes = @($outcomes); Summary = $null }
}

function Invoke-ParallelApproach {
    # The same loop body in ForEach-Object -Parallel runspaces (same process): concurrency, no pacing.
    param([string] $CsvPath, [pscustomobject] $Target, [hashtable] $Definition)
    $rest = New-RestParameters -Target $Target -Definition $Definition
    $clock = [Diagnostics.Stopwatch]::StartNew()
    # The loop body is the serial one's, written out again: a -Parallel script block can't call this script's
    # functions (nor take a script block with $using:), and inline is what an admin writes.
    $outcomes = Import-Csv -LiteralPath $CsvPath | ForEach-Object -ThrottleLimit $Definition.Parallel -Parallel {
        $row = $_
        $rest = $using:rest
        $body = [ordered]@{
            uid      = $row.Uid
            name     = $row.Name
            avatar   = $row.Avatar
            metadata = $row.Metadata | ConvertFrom-Json
            tags     = @($row.Tags -split ';')
        } | ConvertTo-Json -Depth 10 -Compress
        try {
            $created = Invoke-RestMethod @rest -Body $body
            [pscustomobject]@{ Uid = $created.data.uid; Ok = $true; Status = 200 }
        }
        catch {
            $status = if ($_.Exception.PSObject.Properties['Response'] -and $_.Exception.Response) { [int]$_.Exception.Response.StatusCode } else { 0 }
            [pscustomobject]@{ Uid = $row.Uid; Ok = $false; Status = $status }
        }
    }
    $clock.Stop()
    [pscustomobject]@{ Elapsed = $clock.Elapsed; Outcomes = @($outcomes); Summary = $null }
}

function Invoke-ModuleApproach {
    # New-CometChatUser with its defaults (or a fixed -ThrottleLimit), on the runspace's default connection (the
    # emulator's, or the one made with -TimeoutSec). Errors are collected, not shown: each has the CSV row as its target.
    param([string] $CsvPath, $ThrottleLimit)
    $failures = $null
    $information = $null
    $fixed = if ($ThrottleLimit) { @{ ThrottleLimit = $ThrottleLimit } } else { @{} }
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $users = Import-Csv -LiteralPath $CsvPath | New-CometChatUser @fixed -ErrorAction SilentlyContinue -ErrorVariable failures -InformationVariable information
    $clock.Stop()

    $outcomes = [Collections.Generic.List[object]]::new()
    foreach ($user in @($users)) { $outcomes.Add([pscustomobject]@{ Uid = $user.Uid; Ok = $true; Status = 200 }) }
    foreach ($failure in @($failures)) {
        $exception = $failure.Exception
        $status = if ($exception.PSObject.Properties['StatusCode']) { [int]$exception.StatusCode } else { 0 }
        $uid = if ($failure.TargetObject -and $failure.TargetObject.PSObject.Properties['Uid']) { $failure.TargetObject.Uid } else { [string]$failure.TargetObject }
        $outcomes.Add([pscustomobject]@{ Uid = $uid; Ok = $false; Status = $status })
    }
    $summary = @($information | Where-Object { $_.Tags -contains 'Summary' } | ForEach-Object MessageData) | Select-Object -Last 1
    [pscustomobject]@{ Elapsed = $clock.Elapsed; Outcomes = $outcomes.ToArray(); Summary = $summary }
}
