<#
.SYNOPSIS
    A tour of CometChat.PowerShell against the bundled emulator: provision a CSV, list, update, remove.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Demo
#>
param(
    # The built module's manifest; build.ps1 passes it.
    [string] $ModulePath = (Get-ChildItem "$PSScriptRoot/../output/CometChat.PowerShell/*/CometChat.PowerShell.psd1" | Select-Object -First 1).FullName
)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath

Write-Host '== Start the local emulator (and connect to it)' -ForegroundColor Cyan
$emulator = Start-CometChatEmulator
$emulator | Format-Table

try {
    Write-Host '== Provision examples/users.csv' -ForegroundColor Cyan
    $created = Import-Csv "$PSScriptRoot/users.csv" | New-CometChatUser -InformationVariable summary
    Write-Host "Created $($created.Count) users. $($summary.MessageData)"

    Write-Host '== Run it again: -IfExists Skip makes re-runs safe' -ForegroundColor Cyan
    Import-Csv "$PSScriptRoot/users.csv" | New-CometChatUser -IfExists Skip -InformationVariable rerun | Out-Null
    Write-Host "$($rerun.MessageData)"

    Write-Host '== List them' -ForegroundColor Cyan
    Get-CometChatUser | Format-Table

    Write-Host '== Find the engineers' -ForegroundColor Cyan
    Get-CometChatUser -Tag engineering | Format-Table Uid, Name, Tags

    Write-Host '== Update one' -ForegroundColor Cyan
    Set-CometChatUser -Uid alan -StatusMessage 'Breaking codes' -Tags research, cryptography -PassThru | Format-List Uid, Name, StatusMessage, Tags, UpdatedAt

    Write-Host '== A dry run changes nothing' -ForegroundColor Cyan
    Remove-CometChatUser -Uid linus -WhatIf

    Write-Host '== Deactivate one (reversible), then delete it for good' -ForegroundColor Cyan
    Remove-CometChatUser -Uid linus -Force
    Get-CometChatUser -OnlyDeactivated | Format-Table Uid, Name, DeactivatedAt
    Remove-CometChatUser -Uid linus -Permanent -Force

    Write-Host '== A bad row is reported, the others go through' -ForegroundColor Cyan
    $rows = @(
        [pscustomobject]@{ Uid = 'bad uid!'; Name = 'Not Valid' }
        [pscustomobject]@{ Uid = 'barbara'; Name = 'Barbara Liskov' }
    )
    $rows | New-CometChatUser -ErrorAction SilentlyContinue -ErrorVariable failed | Format-Table
    $failed | ForEach-Object { Write-Host "Failed row $($_.TargetObject.Uid): $($_.FullyQualifiedErrorId) - $($_.ErrorDetails.Message)" -ForegroundColor Yellow }

    Write-Host '== Round trip through CSV' -ForegroundColor Cyan
    $export = Join-Path ([IO.Path]::GetTempPath()) 'cometchat-demo-export.csv'
    Get-CometChatUser | Export-Csv $export
    Get-Content $export | Select-Object -First 3
    Remove-Item $export

    Write-Host "== $((Get-CometChatUser).Count) users at the end" -ForegroundColor Cyan
}
finally {
    Stop-CometChatEmulator
    Write-Host '== Emulator stopped' -ForegroundColor Cyan
}
