<#
.SYNOPSIS
    Packs a built module folder into a .nupkg that Install-PSResource can install.
.DESCRIPTION
    Publishes the folder to a temporary local file repository with PSResourceGet (which ships with PowerShell 7.4
    and later) and moves the package it writes into -OutputFolder. Works offline: the module has no module
    dependencies to resolve. The temporary repository is unregistered even when publishing fails.
.OUTPUTS
    The full path of the .nupkg.
.EXAMPLE
    ./tools/New-ModulePackage.ps1 -ModuleFolder output/CometChat.PowerShell/0.1.0 -OutputFolder output/packages
#>
[CmdletBinding()]
param(
    # The built module folder (holding CometChat.PowerShell.psd1).
    [Parameter(Mandatory)]
    [string] $ModuleFolder,

    # Where the .nupkg goes; created when missing.
    [Parameter(Mandatory)]
    [string] $OutputFolder
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$manifest = Get-ChildItem -LiteralPath $ModuleFolder -Filter *.psd1 | Select-Object -First 1
if (-not $manifest) { throw "No module manifest in '$ModuleFolder'. Run ./build.ps1 -Task Build first." }
$name = $manifest.BaseName
$version = (Import-PowerShellDataFile $manifest.FullName).ModuleVersion

$staging = Join-Path ([IO.Path]::GetTempPath()) "ccps-pack-$([guid]::NewGuid().ToString('N'))"
$repository = "CometChatPack$([guid]::NewGuid().ToString('N').Substring(0, 8))"
New-Item -ItemType Directory -Path $staging | Out-Null
try {
    Register-PSResourceRepository -Name $repository -Uri $staging -Trusted
    # Publish-PSResource wants a folder named after the module.
    $source = Join-Path $staging $name
    Copy-Item -LiteralPath $ModuleFolder -Destination $source -Recurse
    Publish-PSResource -Path $source -Repository $repository
    $package = Get-ChildItem -LiteralPath $staging -Filter "$name.$version*.nupkg" | Select-Object -First 1
    if (-not $package) { throw "Publish-PSResource wrote no package for $name $version." }
    New-Item -ItemType Directory -Force -Path $OutputFolder | Out-Null
    $target = Join-Path (Resolve-Path $OutputFolder) $package.Name
    Move-Item -LiteralPath $package.FullName -Destination $target -Force
    $target
}
finally {
    Unregister-PSResourceRepository -Name $repository -ErrorAction SilentlyContinue
    Remove-Item -LiteralPath $staging -Recurse -Force -ErrorAction SilentlyContinue
}
