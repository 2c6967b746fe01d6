<#
.SYNOPSIS
    Measures how much Import-Module CometChat.PowerShell adds to starting PowerShell.
.DESCRIPTION
    Starts `pwsh -NoProfile -c 1` and `pwsh -NoProfile -c "Import-Module <module>"` alternately, several times,
    and compares the medians. Both go through the same `dotnet pwsh` host, so the difference is the import.
#>
param(
    [Parameter(Mandatory)][string] $ModulePath,
    [string] $OutDirectory,
    [int] $Runs = 9
)

$ErrorActionPreference = 'Stop'
$ModulePath = (Resolve-Path $ModulePath).Path

function Measure-Start {
    param([string] $Command)
    $watch = [Diagnostics.Stopwatch]::StartNew()
    & dotnet pwsh -NoProfile -NonInteractive -c $Command | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "pwsh -c '$Command' failed." }
    $watch.Elapsed.TotalMilliseconds
}

function Get-Median {
    param([double[]] $Values)
    $sorted = $Values | Sort-Object
    $sorted[[int][Math]::Floor($sorted.Count / 2)]
}

Measure-Start '1' | Out-Null   # warm the disk cache
$bare = @(); $import = @()
for ($i = 0; $i -lt $Runs; $i++) {
    $bare += Measure-Start '1'
    $import += Measure-Start "Import-Module '$ModulePath'"
}
$result = [pscustomobject]@{
    Runs              = $Runs
    BareMedianMs      = [Math]::Round((Get-Median $bare), 0)
    ImportMedianMs    = [Math]::Round((Get-Median $import), 0)
    ImportAddsMs      = [Math]::Round((Get-Median $import) - (Get-Median $bare), 0)
    GoalMs            = 500
}
$result | Add-Member -NotePropertyName GoalMet -NotePropertyValue ($result.ImportAddsMs -lt $result.GoalMs)
$result | Format-Table -AutoSize | Out-String | Write-Host
if ($OutDirectory) { $result | ConvertTo-Json | Set-Content (Join-Path $OutDirectory 'import-time.json') }
