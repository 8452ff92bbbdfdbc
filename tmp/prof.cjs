const p=JSON.parse(require('fs').readFileSync(process.argv[2]));
const from=Number(process.argv[3]), to=Number(process.argv[4]); // ms before end
const byId=new Map(p.nodes.map(n=>[n.id,n]));
const parent=new Map();for(const n of p.nodes)for(const c of n.children||[])parent.set(c,n.id);
let t=p.startTime;const times=[];for(const d of p.timeDeltas){t+=d;times.push(t)}
const end=times[times.length-1];
const self=new Map();let tot=0;
for(let i=0;i<p.samples.length;i++){ const ago=(end-times[i])/1000; if(ago>from||ago<to) continue; const dt=(p.timeDeltas[i+1]||0)/1000; tot+=dt;
 const n=byId.get(p.samples[i]); let k=n.callFrame.functionName||'(anon)'; 
 // attribute to first src-ish ancestor label
 let id=n.id, lab=''; while(id){const m=byId.get(id); const u=m.callFrame.url.split('/').pop(); if(u){lab=u.replace(/-[A-Za-z0-9_]{8}\.js/,'');break;} id=parent.get(id);} 
 k=k+' ['+lab+']'; self.set(k,(self.get(k)||0)+dt)}
console.log('total',tot.toFixed(0));
console.log([...self].sort((a,b)=>b[1]-a[1]).slice(0,18).map(([k,v])=>v.toFixed(1)+' '+k).join('\n'));
