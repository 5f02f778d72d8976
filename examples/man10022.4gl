#------------------------------------------------------------#
# programa: man10022 - apontamento de produção (exemplo      #
#           sintético, palavras-chave em minúsculas)         #
#------------------------------------------------------------#
database logix

globals
   define p_cod_empresa like empresa.cod_empresa,
          p_user        like usuario.nom_usuario
end globals

   #--------------------#
    function man10022()
   #--------------------#
      define l_qtd_boas decimal(15,3)

      if log_initApp("MANENG,MANPCP") <> 0 then
         return
      end if

      let l_qtd_boas = 0
      call man10022_apontar(l_qtd_boas) returning l_qtd_boas
      display "Quantidade apontada: ", l_qtd_boas using "###,##&.&&&" at 2,1
   end function

   #----------------------------------#
    function man10022_apontar(l_qtd)
   #----------------------------------#
      define l_qtd decimal(15,3)

      whenever error continue
      update ord_oper
         set qtd_boas = qtd_boas + l_qtd
       where cod_empresa = p_cod_empresa
      whenever error stop

      if sqlca.sqlcode <> 0 then
         call log003_err_sql("UPDATE","ord_oper")
      end if
      return l_qtd
   end function
