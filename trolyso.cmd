@echo off
rem Trợ lý số on Windows (needs a JDK 21+ : JAVA_HOME, or java on PATH). Untested on Windows by CI.
rem   trolyso.cmd run                 build and start on http://localhost:8080
rem   trolyso.cmd backup <dir>        back up the data dir into <dir>\trolyso-*.zip
rem   trolyso.cmd restore <dir|zip>   restore (the server must be stopped)
setlocal EnableExtensions
chcp 65001 >nul
cd /d "%~dp0"
rem Settings: KEY=value lines in trolyso.env (# comments); variables already set win.
if exist trolyso.env for /f "usebackq eol=# tokens=1,* delims==" %%a in ("trolyso.env") do if not defined %%a set "%%a=%%b"
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
"%JAVA%" -version >nul 2>&1
if errorlevel 1 (
  echo Cần Java 21 trở lên: cài Temurin 21 từ https://adoptium.net rồi mở lại cửa sổ lệnh, hoặc đặt JAVA_HOME.
  exit /b 1
)
if not defined TROLYSO_HEAP set "TROLYSO_HEAP=768m"
set "CMD=%~1"
if "%CMD%"=="" set "CMD=run"
if /i "%CMD%"=="run" goto run
if /i "%CMD%"=="backup" goto ops
if /i "%CMD%"=="restore" goto ops
echo Cách dùng: trolyso.cmd run ^| backup THƯ_MỤC ^| restore THƯ_MỤC_HOẶC_TỆP_ZIP
exit /b 2

:run
call mvnw.cmd -B -ntp -DskipTests package -pl server -am
if errorlevel 1 exit /b 1
"%JAVA%" --add-modules jdk.incubator.vector -Dfile.encoding=UTF-8 -Xmx%TROLYSO_HEAP% -jar server\target\server.jar
exit /b %errorlevel%

:ops
if not exist server\target\server.jar call mvnw.cmd -B -ntp -q -DskipTests package -pl server -am
if not exist server\target\server.jar exit /b 1
"%JAVA%" -Dfile.encoding=UTF-8 -jar server\target\server.jar %CMD% "%~2"
exit /b %errorlevel%
