# Streams 100,000 users through Get-CometChatUser and checks the process's memory stays flat: the peak grows no more
# from 50,000 users to 100,000 than noise allows (holding them would add about 50 MB). Slow (tens of seconds), tagged
# so, but part of build.ps1 -Task Test.
BeforeAll {
    . "$PSScriptRoot/TestSupport.ps1"
    $script:Emulator = Start-CometChatEmulator -CoreRequestsPerMinute 0 -StandardRequestsPerMinute 0

    # Samples the process working set and the managed heap every 20 ms, keeping the peaks: memory growth is
    # measured, not guessed.
    if (-not ('CometChatTests.MemorySampler' -as [type])) {
        Add-Type -TypeDefinition @'
namespace CometChatTests {
    public sealed class MemorySampler : System.IDisposable {
        private readonly System.Threading.Timer _timer;
        private long _peak;
        private long _peakHeap;
        public MemorySampler() { _peak = System.Environment.WorkingSet; _peakHeap = System.GC.GetTotalMemory(false); _timer = new System.Threading.Timer(_ => Sample(), null, 0, 20); }
        private static void Raise(ref long peak, long now) { long seen; while (now > (seen = System.Threading.Interlocked.Read(ref peak)) && System.Threading.Interlocked.CompareExchange(ref peak, now, seen) != seen) { } }
        private void Sample() { Raise(ref _peak, System.Environment.WorkingSet); Raise(ref _peakHeap, System.GC.GetTotalMemory(false)); }
        public long Peak { get { Sample(); return System.Threading.Interlocked.Read(ref _peak); } }
        public long PeakHeap { get { Sample(); return System.Threading.Interlocked.Read(ref _peakHeap); } }
        public void Dispose() { _timer.Dispose(); }
    }
}
'@
    }

    function Add-BigUsers {
        # Seeds users big<From>..big<From+Count-1> through the import endpoint, 50 per request, as CometChat's data
        # import takes them.
        param([int] $From, [int] $Count)
        $root = $Emulator.BaseUri.AbsoluteUri
        $client = [System.Net.Http.HttpClient]::new()
        $client.DefaultRequestHeaders.Add('apikey', (Get-PlainKey $Emulator.ApiKey))
        $pending = [System.Collections.Generic.List[System.Threading.Tasks.Task]]::new()
        for ($batch = $From / 50; $batch -lt ($From + $Count) / 50; $batch++) {
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

    function Measure-Listing {
        # Lists every user; returns the count and the peak growth of the working set and of the managed heap (MB).
        [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
        $sampler = [CometChatTests.MemorySampler]::new()
        $before = [Environment]::WorkingSet
        $heapBefore = [GC]::GetTotalMemory($false)
        try {
            $measure = Get-CometChatUser | Measure-Object
        }
        finally {
            $peak = $sampler.Peak
            $peakHeap = $sampler.PeakHeap
            $sampler.Dispose()
        }
        [pscustomobject]@{ Count = $measure.Count; WorkingSetMB = ($peak - $before) / 1MB; HeapMB = ($peakHeap - $heapBefore) / 1MB }
    }

    Add-BigUsers -From 0 -Count 50000
    $null = Get-CometChatUser -First 10   # the first call's one-time costs (JIT, connection) are not the list's
    $script:Half = Measure-Listing
    Add-BigUsers -From 50000 -Count 50000
    $script:Full = Measure-Listing
}

AfterAll { Stop-CometChatEmulator }

Describe 'Listing 100,000 users' -Tag 'Slow' {
    It 'streams every user with flat memory: the peak at 100,000 users is no higher than at 50,000, give or take noise' {
        Write-Host ('    50,000 users: peak growth {0:N1} MB working set, {1:N1} MB heap; 100,000 users: {2:N1} MB, {3:N1} MB' -f $Half.WorkingSetMB, $Half.HeapMB, $Full.WorkingSetMB, $Full.HeapMB)
        $Half.Count | Should -Be 50000
        $Full.Count | Should -Be 100000
        # Holding the users costs about 1 KB each: another 50 MB for the second 50,000. Streaming holds two pages.
        $Full.HeapMB - $Half.HeapMB | Should -BeLessThan 20 -Because 'the heap must not grow with the number of users listed'
        # Measured: about 20 MB of heap at 100,000 users streamed; about 100 MB when they are held.
        $Full.HeapMB | Should -BeLessThan 60
        $Full.WorkingSetMB | Should -BeLessThan 150
    }

    It 'pages with -Skip and -First deep into the list' {
        (Get-CometChatUser -Skip 99990 -First 5).Uid | Should -Be @('big099990', 'big099991', 'big099992', 'big099993', 'big099994')
        (Get-CometChatUser -Tag bulk -First 3 -Skip 50000).Uid | Should -Be @('big050000', 'big050001', 'big050002')
    }
}
