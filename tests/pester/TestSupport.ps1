# Dot-sourced by every test file: imports the BUILT module (never the source tree) and offers helpers
# that talk to the emulator's admin surface.

$script:ModulePath = $env:COMETCHAT_TEST_MODULE
if (-not $script:ModulePath) {
    $script:ModulePath = (Get-ChildItem "$PSScriptRoot/../../output/CometChat.PowerShell/*/CometChat.PowerShell.psd1" | Select-Object -First 1).FullName
}
Import-Module $script:ModulePath -Force

function Get-PlainKey {
    param([Parameter(Mandatory)][securestring] $Key)
    [System.Net.NetworkCredential]::new('', $Key).Password
}

function Invoke-EmulatorAdmin {
    # Calls /_emulator/<Path> on a started emulator with its full-access key.
    param(
        [Parameter(Mandatory)] $Emulator,
        [Parameter(Mandatory)][string] $Path,
        [string] $Method = 'Get',
        $Body
    )
    $root = $Emulator.BaseUri.AbsoluteUri -replace '/v3/?$', ''
    $parameters = @{
        Uri     = "$root/_emulator/$Path"
        Method  = $Method
        Headers = @{ apikey = (Get-PlainKey $Emulator.ApiKey) }
    }
    if ($PSBoundParameters.ContainsKey('Body')) {
        $parameters.Body = $Body | ConvertTo-Json -Depth 10 -Compress
        $parameters.ContentType = 'application/json'
    }
    Invoke-RestMethod @parameters
}

function Reset-Emulator {
    param([Parameter(Mandatory)] $Emulator)
    Invoke-EmulatorAdmin -Emulator $Emulator -Path reset -Method Post | Out-Null
}

function Get-EmulatorRequestCount {
    # How many requests the emulator counted, optionally only for one method and route template.
    param([Parameter(Mandatory)] $Emulator, [string] $Method, [string] $Route, [int] $Status)
    $counters = (Invoke-EmulatorAdmin -Emulator $Emulator -Path counters).data
    $rows = @($counters.requests)
    if ($Method) { $rows = @($rows | Where-Object method -EQ $Method) }
    if ($Route) { $rows = @($rows | Where-Object route -EQ $Route) }
    if ($PSBoundParameters.ContainsKey('Status')) { $rows = @($rows | Where-Object status -EQ $Status) }
    [int]($rows | Measure-Object -Property count -Sum).Sum
}

function Get-WhatIfText {
    # What -WhatIf printed for a script block: those lines go to the host, so read them from a transcript.
    param([Parameter(Mandatory)][scriptblock] $ScriptBlock)
    $path = Join-Path ([IO.Path]::GetTempPath()) "whatif-$([guid]::NewGuid()).txt"
    Start-Transcript -Path $path -UseMinimalHeader | Out-Null
    try { & $ScriptBlock | Out-Null } finally { Stop-Transcript | Out-Null }
    $text = Get-Content -Raw $path
    Remove-Item $path
    ($text -split "`r?`n" | Where-Object { $_ -like 'What if:*' }) -join "`n"
}
