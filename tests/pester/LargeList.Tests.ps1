# Streams 100,000 users through Get-CometChatUser and checks the process's memory stays flat. Slow (tens of
# seconds), tagged so, but part of build.ps1 -Task Test.
BeforeAll {
    . "$PSScriptRoot/TestSupport.ps1"
    $script:Emulator = Start-CometChatEmulator -CoreRequestsPerMinute 0 -StandardRequestsPerMinute 0

    # Samples the process working set every 20 ms, keeping the peak: memory growth is measured, not guessed.
    if (-not ('CometChatTests.MemorySampler' -as [type])) {
        Add-Type -TypeDefinition @'
namespace CometChatTests {
    public sealed class MemorySampler : System.IDisposable {
        private readonly System.Threading.Timer _timer;
        private long _peak;
        public MemorySampler() { _peak = System.Environment.WorkingSet; _timer = new System.Threading.Timer(_ => Sample(), null, 0, 20); }
        private void Sample() { long now = System.Environment.WorkingSet; if (now > System.Threading.Interlocked.Read(ref _peak)) System.Threading.Interlocked.Exchange(ref _peak, now); }
        public long Peak { get { Sample(); return System.Threading.Interlocked.Read(ref _peak); } }
        public void Dispose() { _timer.Dispose(); }
    }
}
'@
    }

    # Seed through the import endpoint: 50 users per request, as CometChat's data import takes them.
    $root = $Emulator.BaseUri.AbsoluteUri
    $key = Get-PlainKey $Emulator.ApiKey
    $client = [System.Net.Http.HttpClient]::new()
    $client.DefaultRequestHeaders.Add('apikey', $key)
    $pending = [System.Collections.Generic.List[System.Threading.Tasks.Task]]::new()
    for ($batch = 0; $batch -lt 2000; $batch++) {
        $users = [ordered]@{}
        for ($i = 0; $i -lt 50; $i++) {
            $uid = 'big{0:d6}' -f ($batch * 50 + $i)
            $users[$uid] = @{ uid = $uid; name = "Big User $uid"; tags = @('bulk'); metadata = @{ batch = $batch } }
        }
        $body = [System.Net.Http.StringContent]::new((@{ users = $users } | ConvertTo-Json -Depth 5 -Compress), [Text.Encoding]::UTF8, 'application/json')
        $pending.Add($client.PostAsync("$root/data_import/users", $body))
        if ($pending.Count -ge 16) {
            [System.Threading.Tasks.Task]::WaitAll($pending.ToArray())
            foreach ($task in $pending) { if (-not $task.Result.IsSuccessStatusCode) { throw "Seeding failed: $($task.Result.StatusCode)" } }
            $pending.Clear()
        }
    }
    [System.Threading.Tasks.Task]::WaitAll($pending.ToArray())
    $client.Dispose()
}

AfterAll { Stop-CometChatEmulator }

Describe 'Listing 100,000 users' -Tag 'Slow' {
    It 'streams every user with flat memory (growth under 150 MB)' {
        [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
        $sampler = [CometChatTests.MemorySampler]::new()
        $before = [Environment]::WorkingSet
        try {
            $measure = Get-CometChatUser | Measure-Object
        }
        finally {
            $peak = $sampler.Peak
            $sampler.Dispose()
        }
        $growthMB = ($peak - $before) / 1MB
        Write-Host ('    100,000 users: peak working-set growth {0:N1} MB' -f $growthMB)
        $measure.Count | Should -Be 100000
        $growthMB | Should -BeLessThan 150
    }

    It 'pages with -Skip and -First deep into the list' {
        (Get-CometChatUser -Skip 99990 -First 5).Uid | Should -Be @('big099990', 'big099991', 'big099992', 'big099993', 'big099994')
        (Get-CometChatUser -Tag bulk -First 3 -Skip 50000).Uid | Should -Be @('big050000', 'big050001', 'big050002')
    }
}
