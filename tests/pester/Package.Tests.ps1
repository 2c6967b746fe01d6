# The module as users get it: a .nupkg installed with Install-PSResource and imported by name in a fresh
# PowerShell; its version stamped everywhere from the manifest; and the dependency resolver Windows PowerShell 5.1
# relies on, decision by decision.

BeforeAll {
    . "$PSScriptRoot/TestSupport.ps1"
    $script:ModuleFolder = Split-Path -Parent (Get-Module CometChat.PowerShell).Path
    $script:Version = (Get-Module CometChat.PowerShell).Version
}

Describe 'The package' {
    BeforeAll {
        $script:Work = Join-Path ([IO.Path]::GetTempPath()) "ccps-install-$([guid]::NewGuid().ToString('N'))"
        $script:Feed = New-Item -ItemType Directory -Path (Join-Path $Work 'feed')
        $script:Modules = New-Item -ItemType Directory -Path (Join-Path $Work 'modules')
        $script:Repository = "CometChatTest$([guid]::NewGuid().ToString('N').Substring(0, 8))"
        $script:Package = & "$PSScriptRoot/../../tools/New-ModulePackage.ps1" -ModuleFolder $ModuleFolder -OutputFolder $Feed
        Register-PSResourceRepository -Name $Repository -Uri $Feed -Trusted
    }

    AfterAll {
        Unregister-PSResourceRepository -Name $Repository -ErrorAction SilentlyContinue
        Remove-Item -LiteralPath $Work -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'is a .nupkg named after the module and its version' {
        Split-Path -Leaf $Package | Should -Be "CometChat.PowerShell.$Version.nupkg"
        (Get-Item $Package).Length | Should -BeGreaterThan 100KB
    }

    It 'installs with PSResourceGet into a folder of our choosing, with dependencies, emulator, help and changelog' {
        Save-PSResource -Name CometChat.PowerShell -Repository $Repository -Path $Modules -TrustRepository -Quiet
        $installed = Join-Path $Modules "CometChat.PowerShell/$Version"
        foreach ($part in 'CometChat.PowerShell.psd1', 'CometChat.PowerShell.dll', 'CometChat.Client.dll', 'CometChat.PowerShell.Format.ps1xml',
            'CHANGELOG.md', 'dependencies/Polly.Core.dll', 'emulator/CometChat.Emulator.dll', 'en-US/CometChat.PowerShell.dll-Help.xml') {
            Join-Path $installed $part | Should -Exist
        }
        (Get-ChildItem -Recurse $installed -File).Count | Should -Be (Get-ChildItem -Recurse $ModuleFolder -File).Count
    }

    It 'imports by name in a fresh PowerShell and provisions a user against the emulator' {
        $script = @'
$ErrorActionPreference = 'Stop'
Import-Module CometChat.PowerShell
$module = Get-Module CometChat.PowerShell
$emulator = Start-CometChatEmulator
try {
    New-CometChatUser -Uid pkg1 -Name 'From the package' | Out-Null
    $user = Get-CometChatUser -Uid pkg1
    "path=$($module.ModuleBase)"
    "version=$($module.Version)"
    "user=$($user.Uid)|$($user.Name)"
}
finally { Stop-CometChatEmulator }
'@
        # This PowerShell, started again: pwsh itself, or 'dotnet pwsh.dll' when it runs as a .NET tool.
        $pwsh = @([Environment]::ProcessPath)
        if ([IO.Path]::GetFileNameWithoutExtension($pwsh[0]) -eq 'dotnet') { $pwsh += [Environment]::GetCommandLineArgs()[0] }
        $saved = $env:PSModulePath
        try {
            # Only the installed copy is on the path (plus PowerShell's own modules), so "by name" means that copy.
            $env:PSModulePath = $Modules.FullName + [IO.Path]::PathSeparator + (Join-Path $PSHOME 'Modules')
            $output = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $script 2>&1
        }
        finally { $env:PSModulePath = $saved }
        $LASTEXITCODE | Should -Be 0 -Because ($output -join "`n")
        $output | Should -Contain "user=pkg1|From the package"
        $output | Should -Contain "version=$Version"
        ($output | Where-Object { $_ -like 'path=*' }) | Should -BeLike "path=$($Modules.FullName)*"
    }
}

Describe 'The version' {
    It 'of every assembly is the manifest''s ModuleVersion' {
        foreach ($file in 'CometChat.PowerShell.dll', 'CometChat.Client.dll', 'emulator/CometChat.Emulator.dll') {
            $info = (Get-Item (Join-Path $ModuleFolder $file)).VersionInfo
            [version]$info.FileVersion | Should -Be ([version]"$Version.0") -Because $file
            $info.ProductVersion | Should -BeLike "$Version*" -Because $file
        }
        (Import-PowerShellDataFile "$PSScriptRoot/../../CometChat.PowerShell.psd1").ModuleVersion | Should -Be "$Version"
    }

    It 'has a changelog entry' {
        Get-Content -Raw "$PSScriptRoot/../../CHANGELOG.md" | Should -BeLike "*## ``[$Version``]*"
    }
}

Describe 'The dependency resolver' {
    BeforeAll {
        function New-Resolver {
            # A resolver over /m (module folder) whose files and their versions are given as a hashtable.
            param([hashtable] $Files)
            $exists = [Func[string, bool]] { param($path) $Files.ContainsKey($path.Replace('\', '/')) }.GetNewClosure()
            $versionOf = [Func[string, version]] { param($path) $Files[$path.Replace('\', '/')] }.GetNewClosure()
            [CometChat.PowerShell.DependencyResolver]::new('/m', $exists, $versionOf)
        }
        function Get-Decision {
            param($Resolver, [string] $Name, [object[]] $Loaded = @())
            $Resolver.Decide([Reflection.AssemblyName]::new($Name), [Reflection.Assembly[]]$Loaded)
        }
        $script:Json = [System.Text.Json.JsonSerializer].Assembly
    }

    It 'loads a dependency from dependencies/' {
        $resolver = New-Resolver @{ '/m/dependencies/Polly.Core.dll' = [version]'8.0.0.0' }
        (Get-Decision $resolver 'Polly.Core, Version=8.0.0.0').Path | Should -Be ([IO.Path]::Combine('/m', 'dependencies', 'Polly.Core.dll'))
    }

    It 'prefers the module folder to dependencies/' {
        $resolver = New-Resolver @{ '/m/CometChat.Client.dll' = [version]'0.1.0.0'; '/m/dependencies/CometChat.Client.dll' = [version]'0.1.0.0' }
        (Get-Decision $resolver 'CometChat.Client, Version=0.1.0.0').Path | Should -Be ([IO.Path]::Combine('/m', 'CometChat.Client.dll'))
    }

    It 'reuses an assembly already loaded at the requested version or later' {
        $resolver = New-Resolver @{ '/m/dependencies/System.Text.Json.dll' = [version]'10.0.0.0' }
        $decision = Get-Decision $resolver "System.Text.Json, Version=$($Json.GetName().Version)" -Loaded $Json
        $decision.Loaded | Should -Be $Json
        $decision.Path | Should -BeNullOrEmpty
    }

    It 'does not reuse a loaded assembly older than requested, and takes the file instead' {
        $resolver = New-Resolver @{ '/m/dependencies/System.Text.Json.dll' = [version]'99.0.0.0' }
        $decision = Get-Decision $resolver 'System.Text.Json, Version=99.0.0.0' -Loaded $Json
        $decision.Loaded | Should -BeNullOrEmpty
        $decision.Path | Should -BeLike '*System.Text.Json.dll'
    }

    It 'refuses a file older than the requested version' {
        $resolver = New-Resolver @{ '/m/dependencies/Polly.Core.dll' = [version]'7.0.0.0' }
        $decision = Get-Decision $resolver 'Polly.Core, Version=8.0.0.0'
        $decision.Path | Should -BeNullOrEmpty
        $decision.Reason | Should -BeLike '*older than the requested 8.0.0.0'
    }

    It 'leaves <Name> alone' -ForEach @(
        @{ Name = 'Polly.Core.resources, Culture=de'; Why = 'resource satellite' }
        @{ Name = 'System.Management.Automation, Version=3.0.0.0'; Why = "PowerShell's own" }
        @{ Name = 'Some.Other.Module'; Why = 'not one of the module' }
    ) {
        $resolver = New-Resolver @{ '/m/dependencies/Polly.Core.resources.dll' = [version]'8.0.0.0'; '/m/System.Management.Automation.dll' = [version]'3.0.0.0' }
        $decision = Get-Decision $resolver $Name
        $decision.Path | Should -BeNullOrEmpty
        $decision.Loaded | Should -BeNullOrEmpty
        $decision.Reason | Should -BeLike "*$Why*"
    }

    It 'finds every dependency the built module ships' {
        $resolver = [CometChat.PowerShell.DependencyResolver]::new($ModuleFolder)
        foreach ($file in Get-ChildItem (Join-Path $ModuleFolder 'dependencies') -Filter *.dll) {
            $name = [Reflection.AssemblyName]::GetAssemblyName($file.FullName)
            (Get-Decision $resolver $name.FullName).Path | Should -Be $file.FullName
        }
    }
}
